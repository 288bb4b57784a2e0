-- Every saved version of the escalation rules; the highest version is in force, older ones are never
-- changed. With no row, the default rules shipped in the jar apply.
CREATE TABLE triage_rule_set (
    version    integer PRIMARY KEY,
    label      text        NOT NULL,
    body       text        NOT NULL,
    created_at timestamptz NOT NULL,
    created_by text        NOT NULL
);

-- What admins register about an MP for the rules: lower thresholds for an MP under known threat,
-- keywords to watch, family members' names and sensitive places (home town, surgery venue).
CREATE TABLE mp_rule_profile (
    mp_id               bigint PRIMARY KEY REFERENCES mp (id) ON DELETE CASCADE,
    threshold_reduction real        NOT NULL DEFAULT 0 CHECK (threshold_reduction BETWEEN 0 AND 0.5),
    watch_keywords      text[]      NOT NULL DEFAULT '{}',
    family_names        text[]      NOT NULL DEFAULT '{}',
    sensitive_places    text[]      NOT NULL DEFAULT '{}',
    updated_at          timestamptz NOT NULL
);

-- Word-shingle MinHash signature of each triaged mention, to find near-identical texts (campaigns).
-- target is the MP id, or the unregistered handle, the mention was aimed at.
CREATE TABLE mention_signature (
    mention_id  uuid PRIMARY KEY REFERENCES mention (id),
    target      text        NOT NULL,
    author_key  text,
    signature   integer[]   NOT NULL,
    received_at timestamptz NOT NULL
);
CREATE INDEX mention_signature_recent ON mention_signature (target, received_at);

-- Coordinated campaigns: near-identical mentions from several authors, grouped so the queue shows one.
CREATE TABLE campaign (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    target     text        NOT NULL,
    first_seen timestamptz NOT NULL
);

CREATE TABLE campaign_member (
    mention_id  uuid PRIMARY KEY REFERENCES mention (id),
    campaign_id bigint NOT NULL REFERENCES campaign (id),
    author_key  text
);
CREATE INDEX campaign_member_by_campaign ON campaign_member (campaign_id);

-- Counting an author's and an MP's flagged mentions over a window.
CREATE INDEX mention_by_author_received ON mention (platform, author_id, received_at) WHERE author_id IS NOT NULL;
CREATE INDEX mention_by_mp_received ON mention (mp_id, received_at);
