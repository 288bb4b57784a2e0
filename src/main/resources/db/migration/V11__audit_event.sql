-- Who did what to which object, when, with the object before and after. Append-only: the database
-- itself refuses UPDATE, DELETE and TRUNCATE, so a bug or a compromised service account cannot rewrite history.
CREATE TABLE audit_event (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    actor       text        NOT NULL,
    action      text        NOT NULL,
    object_type text,
    object_id   text,
    before      jsonb,
    after       jsonb
);

CREATE INDEX audit_event_by_time ON audit_event (occurred_at DESC, id DESC);
CREATE INDEX audit_event_by_actor ON audit_event (actor, occurred_at DESC);
CREATE INDEX audit_event_by_action ON audit_event (action, occurred_at DESC);
CREATE INDEX audit_event_by_object ON audit_event (object_type, object_id, occurred_at DESC);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
