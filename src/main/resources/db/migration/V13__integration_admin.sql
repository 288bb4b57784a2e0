-- Integrations managed by admins: secrets encrypted at rest (AES-GCM: 12-byte nonce then ciphertext and
-- tag), an expiry per secret for rotation with a grace period, revocation, and where the integration
-- comes from ('configured': only while its environment variable is set; 'stored': created in Vigil).
ALTER TABLE integration ADD COLUMN source text NOT NULL DEFAULT 'stored' CHECK (source IN ('configured', 'stored'));
ALTER TABLE integration ADD COLUMN revoked_at timestamptz;

ALTER TABLE integration_secret ALTER COLUMN secret DROP NOT NULL;
ALTER TABLE integration_secret ADD COLUMN encrypted bytea;
ALTER TABLE integration_secret ADD COLUMN expires_at timestamptz;
ALTER TABLE integration_secret ADD CONSTRAINT integration_secret_one_form CHECK ((secret IS NULL) <> (encrypted IS NULL));

-- Until now only integrations created in Vigil (the demo) had stored secrets; the others came from configuration.
UPDATE integration SET source = 'configured'
WHERE NOT EXISTS (SELECT 1 FROM integration_secret s WHERE s.integration_id = integration.id);
