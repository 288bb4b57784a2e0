-- Diagnostic: the same database work as pgbench-vigil-transaction.sql in one autocommit statement
-- (claim, answer and mention together through data-modifying CTEs), i.e. one round trip and one
-- commit per delivery like pgbench-insert.sql. Shows what the proposed change in BENCHMARKS.md can gain.
\set w random(1, 9000000000000000000)
WITH claim AS (
    INSERT INTO webhook_delivery (integration_id, webhook_id, received_at, body_sha256, body, response)
    VALUES (1, 'msg_pgb1_' || :w, now(), sha256(convert_to(:w::text, 'UTF8')),
            convert_to(repeat('{"platform":"x","externalId":"' || :w || '","text":"..."}', 8), 'UTF8'),
            '{"webhookId":"msg_pgb1_' || :w || '","accepted":1,"duplicates":0,"rejected":0,"items":[{"index":0,"status":"accepted","id":"00000000-0000-0000-0000-000000000000","mpRegistered":false}]}')
    ON CONFLICT DO NOTHING
    RETURNING integration_id, webhook_id)
INSERT INTO mention (id, platform, external_id, integration_id, webhook_id, mp_id, mp_handle,
                     author_id, author_handle, author_display_name, text, url, posted_at,
                     received_at, in_reply_to, declared_lang, raw_sha256)
SELECT gen_random_uuid(), 'x', 'pgb1-' || :w, c.integration_id, c.webhook_id, a.mp_id, '@JaneDoeMP',
       '998877', '@someone', 'Some One',
       '@JaneDoeMP you voted against the bill again, your constituents will remember this at the next election. Mention pgb1-' || :w,
       'https://x.com/someone/status/pgb1-' || :w, '2026-11-28T10:00:00Z', now(), NULL, 'en',
       sha256(convert_to(:w::text, 'UTF8'))
FROM claim c
LEFT JOIN mp_account a ON a.platform = 'x' AND a.handle = 'janedoemp'
ON CONFLICT (platform, external_id) DO NOTHING
RETURNING id, mp_id;
