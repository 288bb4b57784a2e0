-- The doxxing signs triage found in each item's mention ("street address: 12 rose lane"), so a group marked
-- handled knows which ones it has already seen.
ALTER TABLE review_item ADD COLUMN doxxing text[] NOT NULL DEFAULT '{}';

-- A campaign, pile-on or author a reviewer decided once and marked handled (org.vigil.triage.GroupKind).
-- Later mentions of the group are folded into it instead of alerting again, unless they bring something new:
-- a category score above the highest seen, a doxxing sign not seen, or an MP not yet targeted. Those raise
-- the marks below and alert. Only org.vigil.triage.HandledGroupRepository writes these tables.
CREATE TABLE handled_group (
    id          uuid PRIMARY KEY,
    kind        text        NOT NULL CHECK (kind IN ('CAMPAIGN', 'PILE_ON', 'AUTHOR')),
    group_key   text        NOT NULL,
    decision    text        NOT NULL CHECK (decision IN ('CONFIRMED', 'DISMISSED', 'ESCALATED')),
    handled_by  text        NOT NULL,
    handled_at  timestamptz NOT NULL,
    max_violent real        NOT NULL,
    max_racist  real        NOT NULL,
    max_sexist  real        NOT NULL,
    doxxing     text[]      NOT NULL,
    targets     text[]      NOT NULL,
    folded      integer     NOT NULL DEFAULT 0,
    UNIQUE (kind, group_key)
);

-- Items folded into a handled group: queued and visible, but no alert.
CREATE TABLE handled_group_fold (
    item_id   uuid PRIMARY KEY REFERENCES review_item (id),
    group_id  uuid        NOT NULL REFERENCES handled_group (id),
    folded_at timestamptz NOT NULL
);
CREATE INDEX handled_group_fold_by_group ON handled_group_fold (group_id);
