package org.vigil.admin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigil.audit.AuditLog;
import org.vigil.problem.FieldError;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;
import org.vigil.problem.StorageException;
import org.vigil.webhook.IntegrationRegistry;
import org.vigil.webhook.IntegrationRegistry.IntegrationState;
import org.vigil.webhook.IntegrationRepository;
import org.vigil.webhook.SecretCipher;
import org.vigil.webhook.WebhookSecret;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Creates, rotates and revokes integrations for admins. Each change and its audit event commit together;
 * the registry then reloads, and other replicas pick the change up within 30 seconds.
 */
@ApplicationScoped
public class IntegrationAdmin {

    static final String OBJECT_TYPE = "integration";
    /** The longest grace period an admin may give an old secret. */
    static final Duration MAX_GRACE = Duration.ofDays(30);

    private final IntegrationRegistry registry;
    private final IntegrationRepository repository;
    private final SecretCipher cipher;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    IntegrationAdmin(IntegrationRegistry registry, IntegrationRepository repository, SecretCipher cipher, AuditLog audit,
                     Clock clock) {
        this.registry = registry;
        this.repository = repository;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** An integration as the pages, the API and the audit log show it; secrets only by fingerprint. */
    public record IntegrationView(long id, String name, String source, boolean inForce, Optional<Instant> revokedAt,
                                  List<SecretView> secrets) {
    }

    public record SecretView(String fingerprint, boolean fromConfiguration, Optional<Instant> createdAt,
                             Optional<Instant> expiresAt, boolean valid) {
    }

    /** A new secret: in this answer only. */
    public record IssuedSecret(IntegrationView integration, String secret) {
    }

    public List<IntegrationView> list() {
        Instant now = clock.instant();
        return registry.all().stream().sorted(Comparator.comparing(IntegrationState::name)).map(s -> view(s, now)).toList();
    }

    public IntegrationView get(long id) {
        return view(state(id), clock.instant());
    }

    public IssuedSecret create(String name) {
        String normalised = name == null ? "" : name.strip();
        if (!IntegrationRegistry.NAME.matcher(normalised).matches()) {
            throw new ProblemException(ProblemType.INVALID_FIELDS, "Invalid integration name", List.of(new FieldError(
                    "/name", "1-63 lower-case letters, digits and dashes, starting with a letter or digit")));
        }
        requireCipher();
        WebhookSecret secret = WebhookSecret.generate(random);
        long id = inTransaction(() -> {
            long created = repository.insert(normalised).orElseThrow(() -> new ProblemException(ProblemType.CONFLICT,
                    "An integration named " + normalised + " exists"));
            repository.addEncryptedSecret(created, cipher.encrypt(created, secret.encoded()));
            audit.record("integration.create", OBJECT_TYPE, Long.toString(created), null, new Named(normalised));
            return created;
        });
        registry.reload();
        return new IssuedSecret(get(id), secret.encoded());
    }

    /** Issues a new secret; the current ones stay valid for the grace period, then expire. */
    public IssuedSecret rotate(long id, Duration grace) {
        if (grace == null || grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
            throw new ProblemException(ProblemType.INVALID_FIELDS, "Invalid grace period", List.of(new FieldError(
                    "/graceMinutes", "between 0 and " + MAX_GRACE.toMinutes() + " minutes")));
        }
        IntegrationView before = managed(id);
        requireCipher();
        WebhookSecret secret = WebhookSecret.generate(random);
        Instant oldSecretsExpire = clock.instant().plus(grace);
        inTransaction(() -> {
            repository.expireSecrets(id, oldSecretsExpire);
            repository.addEncryptedSecret(id, cipher.encrypt(id, secret.encoded()));
            audit.record("integration.rotate", OBJECT_TYPE, Long.toString(id), before,
                    new Rotation(IntegrationRegistry.fingerprint(secret), oldSecretsExpire));
            return null;
        });
        registry.reload();
        return new IssuedSecret(get(id), secret.encoded());
    }

    public IntegrationView revoke(long id) {
        IntegrationView before = managed(id);
        Instant at = clock.instant();
        inTransaction(() -> {
            repository.revoke(id, at);
            audit.record("integration.revoke", OBJECT_TYPE, Long.toString(id), before, new Revocation(at));
            return null;
        });
        registry.reload();
        return get(id);
    }

    private record Named(String name) {
    }

    private record Rotation(String newSecretFingerprint, Instant oldSecretsExpireAt) {
    }

    private record Revocation(Instant revokedAt) {
    }

    /** Integrations from configuration are changed in configuration, not here. */
    private IntegrationView managed(long id) {
        IntegrationView view = get(id);
        if (view.source().equals("configured")) {
            throw new ProblemException(ProblemType.CONFLICT, "Integration " + view.name()
                    + " comes from configuration: change its environment variable instead");
        }
        if (view.revokedAt().isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, "Integration " + view.name() + " is revoked");
        }
        return view;
    }

    private void requireCipher() {
        if (!cipher.available()) {
            throw new ProblemException(ProblemType.SECRETS_KEY_MISSING,
                    "Set VIGIL_SECRETS_KEY (openssl rand -base64 32) so that Vigil can store secrets encrypted");
        }
    }

    private IntegrationState state(long id) {
        return registry.state(id).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No integration with id " + id));
    }

    private static IntegrationView view(IntegrationState state, Instant now) {
        List<IntegrationRegistry.SecretState> valid = state.validAt(now);
        return new IntegrationView(state.id(), state.name(), state.source().name().toLowerCase(java.util.Locale.ROOT),
                state.inForce(), state.revokedAt(), state.secrets().stream()
                .map(s -> new SecretView(s.fingerprint(), s.fromConfiguration(), s.createdAt(), s.expiresAt(), valid.contains(s)))
                .toList());
    }

    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private static <T> T inTransaction(SqlWork<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try {
                return work.run();
            } catch (SQLException e) {
                throw new StorageException(e);
            }
        });
    }
}
