-- Requests to re-classify the stored mentions with the model in force (admin endpoint, admin page, or the
-- reclassify command, also while the service runs). The low-priority lane works through the oldest pending
-- request in small batches, only while no new mention waits, keeping its place in (received_at, mention id).
-- Mirrored by org.vigil.classify.ReclassificationState; only org.vigil.classify.ReclassificationRepository
-- changes it.
CREATE TABLE reclassification_request (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    requested_at       timestamptz NOT NULL,
    requested_by       text        NOT NULL,
    -- The model version in force where the request was recorded.
    model_version      text        NOT NULL,
    state              text        NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'DONE')),
    after_received_at  timestamptz,
    after_mention_id   uuid,
    rescored           integer     NOT NULL DEFAULT 0,
    labels_changed     integer     NOT NULL DEFAULT 0,
    failed             integer     NOT NULL DEFAULT 0,
    finished_at        timestamptz,
    CHECK ((state = 'DONE') = (finished_at IS NOT NULL))
);
CREATE INDEX reclassification_pending ON reclassification_request (id) WHERE state = 'PENDING';
-- The lane walks triaged mentions in arrival order.
CREATE INDEX mention_triaged_by_arrival ON mention (received_at, id) WHERE state = 'TRIAGED';
