-- What a candidate model running in shadow (vigil.classifier.shadow.models) said about each new mention,
-- beside the live model version whose classification was in force then. Triage never reads it.
-- Only org.vigil.classify.ShadowRepository writes it.
CREATE TABLE shadow_classification (
    model_version      text        NOT NULL,
    mention_id         uuid        NOT NULL REFERENCES mention (id),
    live_model_version text        NOT NULL,
    classified_at      timestamptz NOT NULL,
    lang               text        NOT NULL,
    violent            real        NOT NULL CHECK (violent BETWEEN 0 AND 1),
    racist             real        NOT NULL CHECK (racist BETWEEN 0 AND 1),
    sexist             real        NOT NULL CHECK (sexist BETWEEN 0 AND 1),
    labels             text[]      NOT NULL,
    PRIMARY KEY (model_version, mention_id)
);
CREATE INDEX shadow_classification_by_time ON shadow_classification (model_version, classified_at);
