-- One single-row INSERT per transaction (pgbench runs each script as its own autocommit statement),
-- with a row like the load generator's single mentions: new uuid and externalId each time.
INSERT INTO pgbench_baseline.mention (id, platform, external_id, integration_id, webhook_id, mp_id, mp_handle,
    author_id, author_handle, author_display_name, text, url, posted_at, received_at, in_reply_to,
    declared_lang, raw_sha256)
SELECT u, 'x', u::text, 1, 'msg_' || u::text, NULL, '@JaneDoeMP', '998877', '@someone', 'Some One',
       '@JaneDoeMP you voted against the bill again, your constituents will remember this at the next election. Mention ' || u::text,
       'https://x.com/someone/status/' || u::text, '2026-11-28T10:00:00Z', now(), NULL, 'en',
       sha256(convert_to(u::text, 'UTF8'))
FROM gen_random_uuid() AS u;
