-- Every classification a mention received, one per model version: re-classifying after a model
-- change adds a row and never overwrites what an earlier model said.
CREATE TABLE mention_classification (
    mention_id    uuid        NOT NULL REFERENCES mention (id),
    model_version text        NOT NULL,
    classified_at timestamptz NOT NULL,
    lang          text        NOT NULL,
    violent       real        NOT NULL CHECK (violent BETWEEN 0 AND 1),
    racist        real        NOT NULL CHECK (racist BETWEEN 0 AND 1),
    sexist        real        NOT NULL CHECK (sexist BETWEEN 0 AND 1),
    labels        text[]      NOT NULL,
    explanation   jsonb       NOT NULL,
    PRIMARY KEY (mention_id, model_version)
);

-- The classification in force for each mention.
ALTER TABLE mention ADD COLUMN model_version text;

CREATE INDEX mention_by_model_version ON mention (model_version) WHERE state = 'CLASSIFIED';

-- Signed requests that store nothing (classify) still may not be replayed: each webhook-id is used once.
CREATE TABLE webhook_nonce (
    integration_id bigint      NOT NULL REFERENCES integration (id),
    webhook_id     text        NOT NULL,
    received_at    timestamptz NOT NULL,
    PRIMARY KEY (integration_id, webhook_id)
);
CREATE INDEX webhook_nonce_by_age ON webhook_nonce (received_at);
