-- Alarms about the pipeline itself (silence, stalls, mail failures): one open row per kind at most, so
-- several instances raise and announce each alarm once.
CREATE TABLE pipeline_alarm (
    id         uuid PRIMARY KEY,
    kind       text        NOT NULL CHECK (kind IN
        ('INGEST_SILENT', 'CLASSIFIER_STALLED', 'OUTBOX_BACKLOG', 'DEAD_LETTER', 'SMTP_FAILING')),
    detail     text        NOT NULL,
    raised_at  timestamptz NOT NULL,
    cleared_at timestamptz
);
CREATE UNIQUE INDEX pipeline_alarm_open ON pipeline_alarm (kind) WHERE cleared_at IS NULL;
