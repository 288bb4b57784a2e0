-- Fills the review queue for the queue benchmark (BENCHMARKS.md): :items open review items over triaged
-- mentions of one integration, aimed at 50 MPs' handles, with the priority mix of a bad week.
--   psql -v items=100000 -f bench/seed-review-queue.sql "$DATABASE"
-- Run it against a Vigil database (Flyway has created the schema); it adds rows and changes none.
\set ON_ERROR_STOP on
BEGIN;
INSERT INTO integration (name) VALUES ('bench-queue') ON CONFLICT (name) DO NOTHING;
INSERT INTO webhook_delivery (integration_id, webhook_id, received_at, body_sha256, body)
SELECT id, 'bench-queue-' || clock_timestamp(), now(), sha256('bench'::bytea), 'bench'::bytea
FROM integration WHERE name = 'bench-queue';

CREATE TEMP TABLE seeded AS
SELECT gen_random_uuid() AS id, g AS n FROM generate_series(1, :items) AS g;

INSERT INTO mention (id, platform, external_id, integration_id, webhook_id, mp_handle, author_id, author_handle,
                     author_display_name, text, url, posted_at, received_at, raw_sha256, state)
SELECT s.id, 'x', 'bench-' || s.id, d.integration_id, d.webhook_id, '@bench_mp_' || (s.n % 50),
       'bench-author-' || (s.n % 5000), '@author' || (s.n % 5000), 'Author ' || (s.n % 5000),
       'Bench mention ' || s.n || ': we know where you live', 'https://x.com/a/status/' || s.n,
       now() - (s.n || ' seconds')::interval, now() - (s.n || ' seconds')::interval, d.body_sha256, 'TRIAGED'
FROM seeded s
CROSS JOIN (SELECT integration_id, webhook_id, body_sha256 FROM webhook_delivery
            WHERE webhook_id LIKE 'bench-queue-%' ORDER BY received_at DESC LIMIT 1) d;

INSERT INTO review_item (id, mention_id, priority, due_at, created_at, entry_reason, model_categories)
SELECT gen_random_uuid(), s.id, p.priority, now() + p.due - (s.n || ' seconds')::interval,
       now() - (s.n || ' seconds')::interval, 'LABELLED', p.categories
FROM seeded s
CROSS JOIN LATERAL (SELECT CASE WHEN s.n % 20 = 0 THEN 1 WHEN s.n % 5 = 0 THEN 2 WHEN s.n % 3 = 0 THEN 4 ELSE 3 END AS priority) q
CROSS JOIN LATERAL (SELECT q.priority,
                           CASE q.priority WHEN 1 THEN interval '15 minutes' WHEN 2 THEN interval '1 hour'
                                           WHEN 3 THEN interval '8 hours' ELSE interval '3 days' END AS due,
                           CASE q.priority WHEN 1 THEN ARRAY['VIOLENT'] WHEN 2 THEN ARRAY['VIOLENT', 'RACIST']
                                           WHEN 3 THEN ARRAY['SEXIST'] ELSE ARRAY[]::text[] END AS categories) p;
COMMIT;
ANALYZE mention;
ANALYZE review_item;
SELECT state, count(*) FROM review_item GROUP BY state;
