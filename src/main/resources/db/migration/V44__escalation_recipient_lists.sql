-- Recipients changed at runtime by admins: one row per list (a priority, or the further tiers of an
-- unacknowledged P1), in the syntax of the configuration keys. A list without a row follows the configuration.
CREATE TABLE escalation_recipient_list (
    list_key   text PRIMARY KEY CHECK (list_key IN ('P1', 'P2', 'P3', 'P4', 'TIERS')),
    entries    text        NOT NULL CHECK (length(entries) <= 4000),
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL
);
