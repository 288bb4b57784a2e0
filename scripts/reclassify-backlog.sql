-- Measuring the re-classification lane (BENCHMARKS.md): turns the stored mentions into a backlog of 20,000
-- triaged mentions classified by an older model, with that model's classification (the same labels, so
-- nothing goes back to triage). Run it against a database whose mentions were all classified by the
-- current model, e.g. the embedded demo's after its first start.
BEGIN;
CREATE TEMP TABLE source_mention AS SELECT * FROM mention WHERE state = 'TRIAGED' AND model_version IS NOT NULL;
INSERT INTO mention (id, platform, external_id, integration_id, webhook_id, mp_id, mp_handle, author_id,
                     author_handle, author_display_name, text, url, posted_at, received_at, in_reply_to,
                     declared_lang, detected_lang, raw_sha256, state, model_version)
SELECT gen_random_uuid(), platform, external_id || '-backlog-' || g, integration_id, webhook_id, mp_id, mp_handle,
       author_id, author_handle, author_display_name, text, url, posted_at,
       received_at - interval '1 day' + g * interval '1 ms', in_reply_to, declared_lang, detected_lang, raw_sha256,
       'TRIAGED', 'abuse-older'
FROM source_mention CROSS JOIN generate_series(1, 20000 / (SELECT count(*) FROM source_mention)) g;
INSERT INTO mention_classification (mention_id, model_version, classified_at, lang, violent, racist, sexist,
                                    labels, explanation)
SELECT DISTINCT ON (m.id) m.id, 'abuse-older', now(), c.lang, c.violent, c.racist, c.sexist, c.labels, c.explanation
FROM mention m
JOIN source_mention s ON m.text = s.text AND m.id <> s.id
JOIN mention_classification c ON c.mention_id = s.id AND c.model_version = s.model_version
WHERE m.model_version = 'abuse-older';
COMMIT;
SELECT model_version, count(*) FROM mention GROUP BY 1;
