-- The key that signs acknowledgement links when none is configured: generated once, shared by every
-- instance, so links survive restarts and work whichever instance serves them.
CREATE TABLE escalation_secret (
    name       text PRIMARY KEY,
    secret     bytea       NOT NULL,
    created_at timestamptz NOT NULL
);

-- Tiers: how many times an unacknowledged case went to the next tier, and when it last did.
ALTER TABLE escalation_case ADD COLUMN tier_steps integer NOT NULL DEFAULT 0;
ALTER TABLE escalation_case ADD COLUMN last_alert_at timestamptz;
UPDATE escalation_case SET last_alert_at = raised_at;
ALTER TABLE escalation_case ALTER COLUMN last_alert_at SET NOT NULL;
-- Cool-down: escalations of the same author and MP folded into this case instead of alerting again.
ALTER TABLE escalation_case ADD COLUMN folded integer NOT NULL DEFAULT 0;
ALTER TABLE escalation_case ADD COLUMN resolved_at timestamptz;
ALTER TABLE escalation_case ADD COLUMN resolved_by text;

CREATE INDEX escalation_case_open ON escalation_case (last_alert_at) WHERE state = 'OPEN';

-- Items whose escalation was folded into an open case of the same author and MP during the cool-down.
CREATE TABLE escalation_folded_item (
    item_id    uuid PRIMARY KEY,
    case_id    uuid        NOT NULL REFERENCES escalation_case (id),
    mention_id uuid        NOT NULL REFERENCES mention (id),
    folded_at  timestamptz NOT NULL
);

-- What the first alert showed (masked text, scores, fired rules, author history), so later emails about
-- the case (next tier, acknowledgement) are rendered from the same facts in each recipient's language.
ALTER TABLE escalation_case ADD COLUMN alert jsonb;
