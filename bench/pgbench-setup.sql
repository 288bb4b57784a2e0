-- The pgbench baseline: a table shaped like Vigil's "mention" (same columns, types, checks, unique keys
-- and indexes; see src/main/resources/db/migration/V1__mps_integrations_mentions.sql) in its own schema,
-- so Flyway's "public" schema is untouched. Foreign keys are left out: a bare INSERT has no parent rows.
DROP SCHEMA IF EXISTS pgbench_baseline CASCADE;
CREATE SCHEMA pgbench_baseline;
CREATE TABLE pgbench_baseline.mention (
    id                  uuid PRIMARY KEY,
    platform            text        NOT NULL CHECK (platform IN
        ('x', 'facebook', 'instagram', 'youtube', 'tiktok', 'bluesky', 'mastodon', 'email', 'other')),
    external_id         text        NOT NULL,
    integration_id      bigint      NOT NULL,
    webhook_id          text        NOT NULL,
    mp_id               bigint,
    mp_handle           text,
    author_id           text,
    author_handle       text,
    author_display_name text,
    text                text        NOT NULL,
    url                 text,
    posted_at           timestamptz NOT NULL,
    received_at         timestamptz NOT NULL,
    in_reply_to         text,
    declared_lang       text,
    detected_lang       text,
    raw_sha256          bytea       NOT NULL,
    state               text        NOT NULL DEFAULT 'RECEIVED',
    UNIQUE (platform, external_id)
);
CREATE INDEX ON pgbench_baseline.mention (received_at) WHERE state = 'RECEIVED';
CREATE INDEX ON pgbench_baseline.mention (mp_id, posted_at);
CREATE INDEX ON pgbench_baseline.mention (platform, lower(ltrim(mp_handle, '@'))) WHERE mp_id IS NULL;
