-- Lower priorities can go out as a digest: one email per recipient listing every case that waited, instead
-- of one email each (vigil.escalation.digest.*). A DIGEST outbox row refers to the oldest case it lists.
ALTER TABLE escalation_outbox DROP CONSTRAINT escalation_outbox_kind_check;
ALTER TABLE escalation_outbox ADD CONSTRAINT escalation_outbox_kind_check
    CHECK (kind IN ('ALERT', 'TIER', 'ACKNOWLEDGED', 'RESOLVED', 'DIGEST'));

-- A case waiting for a recipient's next digest; digest_message_id names the digest that listed it.
-- Only org.vigil.escalation.DigestRepository writes it.
CREATE TABLE escalation_digest_entry (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id           uuid        NOT NULL REFERENCES escalation_case (id),
    recipient         text        NOT NULL,
    lang              text        NOT NULL,
    created_at        timestamptz NOT NULL,
    digest_message_id text
);
CREATE INDEX escalation_digest_waiting ON escalation_digest_entry (recipient, created_at) WHERE digest_message_id IS NULL;
