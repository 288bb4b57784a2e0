-- Diagnostic, not part of the headline figures: the database work of one single-mention delivery as
-- Vigil does it today (IngestService.ingest), replayed by pgbench without HTTP or Java: claim the
-- webhook-id with the raw body, insert the mention through the unnest(...) statement of
-- MentionRepository.insert, store the answer (DeliveryRepository.saveResponse), commit.
-- Needs Vigil's schema (start Vigil once on the database) and an integration with id 1.
\set w random(1, 9000000000000000000)
BEGIN;
INSERT INTO webhook_delivery (integration_id, webhook_id, received_at, body_sha256, body)
VALUES (1, 'msg_pgb_' || :w, now(), sha256(convert_to(:w::text, 'UTF8')),
        convert_to(repeat('{"platform":"x","externalId":"' || :w || '","text":"..."}', 8), 'UTF8'))
ON CONFLICT DO NOTHING;
INSERT INTO mention (id, platform, external_id, integration_id, webhook_id, mp_id, mp_handle,
                     author_id, author_handle, author_display_name, text, url, posted_at,
                     received_at, in_reply_to, declared_lang, raw_sha256)
SELECT i.id, i.platform, i.external_id, 1, 'msg_pgb_' || :w, COALESCE(i.mp_id, a.mp_id), i.mp_handle,
       i.author_id, i.author_handle, i.author_display_name, i.text, i.url, i.posted_at,
       now(), i.in_reply_to, i.declared_lang, sha256(convert_to(:w::text, 'UTF8'))
FROM unnest(ARRAY[gen_random_uuid()], '{x}'::text[], ARRAY['pgb-' || :w], '{NULL}'::bigint[], '{@JaneDoeMP}'::text[],
            '{998877}'::text[], '{@someone}'::text[], '{"Some One"}'::text[],
            ARRAY['@JaneDoeMP you voted against the bill again, your constituents will remember this at the next election. Mention pgb-' || :w],
            ARRAY['https://x.com/someone/status/pgb-' || :w], '{2026-11-28T10:00:00Z}'::timestamptz[], '{NULL}'::text[], '{en}'::text[])
     WITH ORDINALITY AS i(id, platform, external_id, mp_id, mp_handle, author_id, author_handle,
                          author_display_name, text, url, posted_at, in_reply_to, declared_lang, ord)
LEFT JOIN mp_account a ON i.mp_id IS NULL AND a.platform = i.platform
                      AND a.handle = lower(ltrim(i.mp_handle, '@'))
ORDER BY i.ord
ON CONFLICT (platform, external_id) DO NOTHING
RETURNING id, mp_id;
UPDATE webhook_delivery SET response = '{"webhookId":"msg_pgb_' || :w || '","accepted":1,"duplicates":0,"rejected":0,"items":[{"index":0,"status":"accepted","id":"00000000-0000-0000-0000-000000000000","mpRegistered":false}]}'
WHERE integration_id = 1 AND webhook_id = 'msg_pgb_' || :w;
COMMIT;
