-- The security unit pages through each state's emails newest first by keyset ((created_at, id) below the
-- last row shown): this index seeks straight to any page instead of sorting the whole state on every request.
CREATE INDEX escalation_outbox_by_state ON escalation_outbox (state, created_at, id);
-- It also serves what this one served (counting and listing the dead letter).
DROP INDEX escalation_outbox_dead;
