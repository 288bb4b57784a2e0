SET client_min_messages = warning;
-- The pgbench baseline: a table exactly like Vigil's "mention" as Flyway's migrations made it (columns,
-- defaults, checks, unique keys and indexes: LIKE ... INCLUDING ALL), in its own schema, so Vigil's
-- tables are untouched. LIKE never copies foreign keys, which a bare INSERT without parent rows could not meet.
DROP SCHEMA IF EXISTS pgbench_baseline CASCADE;
CREATE SCHEMA pgbench_baseline;
CREATE TABLE pgbench_baseline.mention (LIKE public.mention INCLUDING ALL);
