-- A rule firing far above or below its usual rate is a pipeline alarm too (vigil.escalation.alarms.rule-rate.*).
ALTER TABLE pipeline_alarm DROP CONSTRAINT pipeline_alarm_kind_check;
ALTER TABLE pipeline_alarm ADD CONSTRAINT pipeline_alarm_kind_check CHECK (kind IN
    ('INGEST_SILENT', 'CLASSIFIER_STALLED', 'OUTBOX_BACKLOG', 'DEAD_LETTER', 'SMTP_FAILING', 'RULE_RATE'));

-- Counting each rule's firings over the last days reads the items by creation time.
CREATE INDEX review_item_created ON review_item (created_at);
