-- The mention's life cycle, mirrored by org.vigil.ingest.MentionState: ingest stores it RECEIVED, classify
-- makes it CLASSIFIED (or UNCLASSIFIABLE when the classifier fails on it), triage makes it TRIAGED whether
-- or not a human needs to see it. Only org.vigil.ingest.MentionRepository changes it.
ALTER TABLE mention ADD CONSTRAINT mention_state_known
    CHECK (state IN ('RECEIVED', 'CLASSIFIED', 'UNCLASSIFIABLE', 'TRIAGED'));

CREATE INDEX mention_awaiting_triage ON mention (received_at) WHERE state IN ('CLASSIFIED', 'UNCLASSIFIABLE');
CREATE INDEX mention_by_author ON mention (platform, author_id, posted_at) WHERE author_id IS NOT NULL;
CREATE INDEX mention_by_external_id ON mention (external_id);
DROP INDEX mention_by_model_version;

-- One review item per mention that a human must see, mirrored by org.vigil.triage.ReviewState.
-- Only org.vigil.triage.ReviewItemRepository changes it.
CREATE TABLE review_item (
    id               uuid PRIMARY KEY,
    mention_id       uuid        NOT NULL UNIQUE REFERENCES mention (id),
    priority         smallint    NOT NULL CHECK (priority BETWEEN 1 AND 4),
    due_at           timestamptz NOT NULL,
    created_at       timestamptz NOT NULL,
    entry_reason     text        NOT NULL CHECK (entry_reason IN ('LABELLED', 'NEAR_MISS', 'UNCLASSIFIABLE')),
    -- The categories the model gave at triage; the reviewer's own are in review_action.
    model_categories text[]      NOT NULL,
    tags             text[]      NOT NULL DEFAULT '{}',
    fired_rules      jsonb       NOT NULL DEFAULT '[]',
    state            text        NOT NULL DEFAULT 'OPEN'
        CHECK (state IN ('OPEN', 'CLAIMED', 'ON_HOLD', 'CONFIRMED', 'DISMISSED', 'ESCALATED')),
    claimed_by       text,
    claimed_at       timestamptz,
    lease_until      timestamptz,
    -- Who asked for a second opinion: "next item" does not hand the item back to them.
    second_opinion_from text,
    decided_by       text,
    decided_at       timestamptz,
    -- The categories in force after review (the reviewer's correction of model_categories).
    categories       text[],
    CHECK ((state = 'CLAIMED') = (lease_until IS NOT NULL)),
    CHECK (state NOT IN ('CLAIMED', 'ON_HOLD') OR claimed_by IS NOT NULL)
);

CREATE INDEX review_queue ON review_item (priority, due_at, created_at) WHERE state = 'OPEN';
CREATE INDEX review_leases ON review_item (lease_until) WHERE state = 'CLAIMED';
CREATE INDEX review_by_claimant ON review_item (claimed_by) WHERE state IN ('CLAIMED', 'ON_HOLD');
CREATE INDEX review_by_state ON review_item (state, created_at);

-- Everything staff did to an item, in order: turnaround, the decisions that become training data, and
-- what reviewers saw (their daily count). Append-only.
CREATE TABLE review_action (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    item_id     uuid        NOT NULL REFERENCES review_item (id),
    at          timestamptz NOT NULL,
    actor       text        NOT NULL,
    action      text        NOT NULL CHECK (action IN ('CLAIM', 'RELEASE', 'LEASE_EXPIRED', 'REVEAL', 'CONFIRM',
        'DISMISS', 'ESCALATE', 'SECOND_OPINION', 'HAND_OVER', 'HOLD', 'RESUME', 'REOPEN', 'NOTE')),
    categories  text[],
    note        text,
    handed_to   text
);
CREATE INDEX review_action_by_item ON review_action (item_id, at);
CREATE INDEX review_action_by_actor ON review_action (actor, at);

CREATE FUNCTION review_action_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER review_action_append_only BEFORE UPDATE OR DELETE ON review_action
    FOR EACH ROW EXECUTE FUNCTION review_action_refuse_change();
CREATE TRIGGER review_action_no_truncate BEFORE TRUNCATE ON review_action
    FOR EACH STATEMENT EXECUTE FUNCTION review_action_refuse_change();
