-- Mentions the candidate model in shadow failed on: recorded once, so the shadow job moves past them instead
-- of retrying them at every poll (and stalling when a whole batch fails). Only
-- org.vigil.classify.ShadowRepository writes it.
CREATE TABLE shadow_failure (
    model_version text        NOT NULL,
    mention_id    uuid        NOT NULL REFERENCES mention (id),
    failed_at     timestamptz NOT NULL,
    error         text        NOT NULL,
    PRIMARY KEY (model_version, mention_id)
);
