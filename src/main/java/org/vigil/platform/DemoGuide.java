package org.vigil.platform;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.vigil.directory.MpDirectory;
import org.vigil.webhook.IntegrationRegistry;
import org.vigil.webhook.WebhookSecret;

import java.net.URI;
import java.sql.SQLException;
import java.util.Map;

/**
 * On the first start with the demo enabled, creates the demo integration and a demo MP, sends a handful of
 * demo mentions through the webhook so that the review queue has work, and prints, once, how to send a
 * signed mention. Later starts find the integration and stay quiet.
 */
@ApplicationScoped
public class DemoGuide {

    private static final Logger LOG = Logger.getLogger(DemoGuide.class);

    void onStart(@Observes StartupEvent event, DemoConfig config, IntegrationRegistry integrations,
                 MpDirectory directory, DemoMentions demoMentions,
                 @ConfigProperty(name = "quarkus.http.port") int port,
                 @ConfigProperty(name = "quarkus.management.port") int managementPort) throws SQLException {
        if (!config.enabled() || integrations.find(config.integration()).isPresent()) {
            return;
        }
        WebhookSecret secret = integrations.provisionGenerated(config.integration());
        long mp = directory.register("Jane Doe (demo MP)", Map.of("x", "@JaneDoeMP"));
        String url = "http://localhost:" + port + "/api/v1/webhooks/" + config.integration() + "/mentions";
        demoMentions.sendWhenListening(URI.create(url), secret);
        LOG.infof("""

                ==== Vigil first run ====================================================
                Created integration '%s' and demo MP %d (@JaneDoeMP on x).
                Its signing secret (shown only now; keep it): %s

                Send a signed test mention (needs bash, openssl, curl):
                  scripts/send-mention.sh %s '%s'
                Send the same delivery again to see the replay answer:
                  WEBHOOK_ID=<the id printed above> scripts/send-mention.sh %s '%s'
                API description (management port): http://localhost:%d/q/openapi
                =========================================================================
                """, config.integration(), mp, secret.encoded(), url, secret.encoded(), url, secret.encoded(),
                managementPort);
    }
}
