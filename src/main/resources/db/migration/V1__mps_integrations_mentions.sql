-- Members of parliament and the accounts they own, so a mention can be attributed to its MP.
CREATE TABLE mp (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE mp_account (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mp_id    bigint NOT NULL REFERENCES mp (id) ON DELETE CASCADE,
    platform text   NOT NULL,
    -- Normalised as mentions are matched: lower case, without a leading '@'.
    handle   text   NOT NULL,
    UNIQUE (platform, handle)
);

-- Webhook senders. Secrets from configuration stay in configuration; only secrets Vigil
-- generated itself (the first-run demo) or that admins add are stored here.
CREATE TABLE integration (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text        NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE integration_secret (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    integration_id bigint      NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
    secret         text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (integration_id, secret)
);

-- Every accepted delivery, byte for byte: the evidence behind its mentions and the answer
-- replayed when the same webhook-id arrives again.
CREATE TABLE webhook_delivery (
    integration_id bigint      NOT NULL REFERENCES integration (id),
    webhook_id     text        NOT NULL,
    received_at    timestamptz NOT NULL,
    body_sha256    bytea       NOT NULL,
    body           bytea       NOT NULL,
    response       text,
    PRIMARY KEY (integration_id, webhook_id)
);

CREATE TABLE mention (
    id                  uuid PRIMARY KEY,
    platform            text        NOT NULL CHECK (platform IN
        ('x', 'facebook', 'instagram', 'youtube', 'tiktok', 'bluesky', 'mastodon', 'email', 'other')),
    external_id         text        NOT NULL,
    integration_id      bigint      NOT NULL,
    webhook_id          text        NOT NULL,
    -- NULL while the MP handle is not registered: the mention is kept and shown as "unregistered MP".
    mp_id               bigint REFERENCES mp (id),
    mp_handle           text,
    author_id           text,
    author_handle       text,
    author_display_name text,
    text                text        NOT NULL,
    url                 text,
    posted_at           timestamptz NOT NULL,
    received_at         timestamptz NOT NULL,
    in_reply_to         text,
    declared_lang       text,
    detected_lang       text,
    raw_sha256          bytea       NOT NULL,
    state               text        NOT NULL DEFAULT 'RECEIVED',
    UNIQUE (platform, external_id),
    FOREIGN KEY (integration_id, webhook_id) REFERENCES webhook_delivery (integration_id, webhook_id)
);

CREATE INDEX mention_awaiting_classification ON mention (received_at) WHERE state = 'RECEIVED';
CREATE INDEX mention_by_mp ON mention (mp_id, posted_at);
CREATE INDEX mention_unregistered_mp ON mention (platform, lower(ltrim(mp_handle, '@'))) WHERE mp_id IS NULL;
