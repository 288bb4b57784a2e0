package org.vigil.webhook;

import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.vigil.webhook.IntegrationRepository.Source;
import org.vigil.webhook.IntegrationRepository.StoredIntegration;
import org.vigil.webhook.IntegrationRepository.StoredSecret;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The integrations allowed to deliver, each with its accepted secrets: configured secrets (from
 * {@link IntegrationsConfig}, in force only while configured) plus secrets Vigil stored, encrypted, until
 * they expire. Loaded at startup and every 30 seconds (changes made on another replica); a bad configured
 * secret stops startup rather than silently refusing every delivery.
 */
@Startup
@ApplicationScoped
public class IntegrationRegistry {

    private static final Logger LOG = Logger.getLogger(IntegrationRegistry.class);
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final IntegrationsConfig config;
    private final IntegrationRepository repository;
    private final SecretCipher cipher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, List<WebhookSecret>> configured = new LinkedHashMap<>();
    private volatile Map<String, IntegrationState> byName = Map.of();

    IntegrationRegistry(IntegrationsConfig config, IntegrationRepository repository, SecretCipher cipher, Clock clock) {
        this.config = config;
        this.repository = repository;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** One secret as the admin pages show it: never the secret, only a fingerprint to tell them apart. */
    public record SecretState(String fingerprint, boolean fromConfiguration, Optional<Instant> createdAt,
                              Optional<Instant> expiresAt, WebhookSecret secret) {
    }

    /** An integration with every secret it has, valid or expired. */
    public record IntegrationState(long id, String name, Source source, boolean configured, Optional<Instant> revokedAt,
                                   List<SecretState> secrets) {

        /** Accepting deliveries: not revoked, and still configured if it came from configuration. */
        public boolean inForce() {
            return revokedAt.isEmpty() && (source == Source.STORED || configured);
        }

        public List<SecretState> validAt(Instant now) {
            return secrets.stream().filter(s -> s.expiresAt().map(now::isBefore).orElse(true)).toList();
        }
    }

    @PostConstruct
    void load() {
        ConfiguredIntegrations.of(config).forEach((name, secrets) -> {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalStateException("Integration name '" + name
                        + "' must be lower-case letters, digits and dashes");
            }
            configured.put(name, secrets.stream().map(s -> parseConfigured(name, s)).toList());
        });
        try {
            for (String name : configured.keySet()) {
                repository.upsert(name, Source.CONFIGURED);
            }
            encryptSecretsStoredInClear();
            reload();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load integrations from the database", e);
        }
        LOG.infof("Webhook integrations in force: %s",
                byName.values().stream().filter(IntegrationState::inForce).map(IntegrationState::name).toList());
    }

    /** The integration and the secrets valid now, if it accepts deliveries. */
    public Optional<Integration> find(String name) {
        Instant now = clock.instant();
        return Optional.ofNullable(byName.get(name)).filter(IntegrationState::inForce)
                .map(state -> new Integration(state.id(), state.name(),
                        state.validAt(now).stream().map(SecretState::secret).toList()));
    }

    /** Every integration known, in force or not, for the admin pages. */
    public List<IntegrationState> all() {
        return List.copyOf(byName.values());
    }

    public Optional<IntegrationState> state(long id) {
        return byName.values().stream().filter(s -> s.id() == id).findFirst();
    }

    /** Creates an integration with a freshly generated secret, stored encrypted; for first-run demos. */
    public WebhookSecret provisionGenerated(String name) throws SQLException {
        WebhookSecret secret = WebhookSecret.generate(random);
        long id = repository.upsert(name, Source.STORED);
        repository.addEncryptedSecret(id, cipher.encrypt(id, secret.encoded()));
        reload();
        return secret;
    }

    /** Reads the stored integrations again; runs after every change and every 30 s for other replicas' changes. */
    @Scheduled(every = "30s", delayed = "30s")
    public void reload() {
        try {
            Map<String, IntegrationState> loaded = new LinkedHashMap<>();
            for (StoredIntegration stored : repository.findAll().values()) {
                List<SecretState> secrets = new ArrayList<>();
                configured.getOrDefault(stored.name(), List.of()).forEach(secret ->
                        secrets.add(new SecretState(fingerprint(secret), true, Optional.empty(), Optional.empty(), secret)));
                for (StoredSecret secret : stored.secrets()) {
                    readable(stored, secret).ifPresent(parsed -> secrets.add(new SecretState(fingerprint(parsed), false,
                            Optional.of(secret.createdAt()), secret.expiresAt(), parsed)));
                }
                loaded.put(stored.name(), new IntegrationState(stored.id(), stored.name(), stored.source(),
                        configured.containsKey(stored.name()), stored.revokedAt(), secrets));
            }
            byName = Map.copyOf(loaded);
        } catch (SQLException e) {
            LOG.warnf("Could not reload integrations, keeping the ones loaded: %s", e.getMessage());
        }
    }

    /** A secret that does not decrypt (the key changed) is left out, loudly, rather than stopping Vigil. */
    private Optional<WebhookSecret> readable(StoredIntegration integration, StoredSecret secret) {
        try {
            return Optional.of(WebhookSecret.parse(secret.encrypted()
                    .map(bytes -> cipher.decrypt(integration.id(), bytes)).orElseGet(() -> secret.clear().orElseThrow())));
        } catch (IllegalStateException e) {
            LOG.errorf("Secret %d of integration '%s' is ignored: %s", secret.id(), integration.name(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Secrets stored in clear by earlier versions are encrypted as soon as a key is available. */
    private void encryptSecretsStoredInClear() throws SQLException {
        if (!cipher.available()) {
            return;
        }
        for (StoredIntegration stored : repository.findAll().values()) {
            for (StoredSecret secret : stored.secrets()) {
                if (secret.clear().isPresent()) {
                    repository.encryptStoredSecret(secret.id(), cipher.encrypt(stored.id(), secret.clear().get()));
                }
            }
        }
    }

    /** The first 8 hex digits of the SHA-256 of the key: tells secrets apart without revealing them. */
    public static String fingerprint(WebhookSecret secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.key());
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WebhookSecret parseConfigured(String name, String secret) {
        try {
            return WebhookSecret.parse(secret);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Secret of integration '" + name + "' is invalid: " + e.getMessage(), e);
        }
    }
}
