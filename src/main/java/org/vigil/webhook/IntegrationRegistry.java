package org.vigil.webhook;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The integrations allowed to deliver, each with its accepted secrets: configured secrets from
 * {@link IntegrationsConfig} plus secrets Vigil generated and stored. Loaded at startup; a bad
 * configured secret stops startup rather than silently refusing every delivery.
 */
@Startup
@ApplicationScoped
public class IntegrationRegistry {

    private static final Logger LOG = Logger.getLogger(IntegrationRegistry.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final IntegrationsConfig config;
    private final IntegrationRepository repository;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Integration> byName = new ConcurrentHashMap<>();

    IntegrationRegistry(IntegrationsConfig config, IntegrationRepository repository) {
        this.config = config;
        this.repository = repository;
    }

    @PostConstruct
    void load() {
        try {
            for (String name : config.integrations().keySet()) {
                if (!NAME.matcher(name).matches()) {
                    throw new IllegalStateException("Integration name '" + name
                            + "' must be lower-case letters, digits and dashes");
                }
                repository.upsert(name);
            }
            reload();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load integrations from the database", e);
        }
        LOG.infof("Webhook integrations: %s", byName.keySet());
    }

    public Optional<Integration> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Creates an integration with a freshly generated secret, stored in the database; for first-run demos. */
    public WebhookSecret provisionGenerated(String name) throws SQLException {
        WebhookSecret secret = WebhookSecret.generate(random);
        long id = repository.upsert(name);
        repository.addStoredSecret(id, secret.encoded());
        reload();
        return secret;
    }

    private void reload() throws SQLException {
        Map<String, IntegrationRepository.StoredIntegration> stored = repository.findAll();
        for (IntegrationRepository.StoredIntegration integration : stored.values()) {
            List<WebhookSecret> secrets = new ArrayList<>();
            IntegrationsConfig.Integration configured = config.integrations().get(integration.name());
            if (configured != null) {
                configured.secrets().forEach(s -> secrets.add(parseConfigured(integration.name(), s)));
            }
            integration.secrets().forEach(s -> secrets.add(WebhookSecret.parse(s)));
            byName.put(integration.name(), new Integration(integration.id(), integration.name(), secrets));
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
