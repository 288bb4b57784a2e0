-- One case per escalated review item: the thread its emails form, who was alerted, and its acknowledgement.
-- item_id refers to triage's review item; no foreign key, so escalation never constrains triage's schema.
CREATE TABLE escalation_case (
    id              uuid PRIMARY KEY,
    item_id         uuid        NOT NULL UNIQUE,
    mention_id      uuid        NOT NULL REFERENCES mention (id),
    mp_id           bigint REFERENCES mp (id),
    author_key      text,
    priority        smallint    NOT NULL CHECK (priority BETWEEN 1 AND 4),
    raised_by       text        NOT NULL,
    raised_at       timestamptz NOT NULL,
    state           text        NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    acknowledged_at timestamptz,
    acknowledged_by text
);
CREATE INDEX escalation_case_by_author ON escalation_case (mp_id, author_key, raised_at);

-- Emails waiting to be sent, written in the transaction that decided them (a transactional outbox).
-- Rendered when written, so what is sent is exactly what was decided, whatever changes later.
CREATE TABLE escalation_outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id         uuid        NOT NULL REFERENCES escalation_case (id),
    kind            text        NOT NULL CHECK (kind IN ('ALERT', 'TIER', 'ACKNOWLEDGED', 'RESOLVED')),
    recipient       text        NOT NULL,
    lang            text        NOT NULL,
    message_id      text        NOT NULL UNIQUE,
    in_reply_to     text,
    subject         text        NOT NULL,
    text_body       text        NOT NULL,
    html_body       text        NOT NULL,
    state           text        NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'SENT', 'DEAD')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    transport       text CHECK (transport IN ('smtp', 'mailbox'))
);
CREATE INDEX escalation_outbox_due ON escalation_outbox (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX escalation_outbox_by_case ON escalation_outbox (case_id);
CREATE INDEX escalation_outbox_dead ON escalation_outbox (created_at) WHERE state = 'DEAD';
