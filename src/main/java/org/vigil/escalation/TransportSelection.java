package org.vigil.escalation;

import io.quarkus.mailer.Mailer;
import io.smallrye.config.ConfigValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.file.Path;

/**
 * Chooses how emails leave Vigil: SMTP when {@code quarkus.mailer.host} is configured (or
 * {@code vigil.escalation.transport=smtp}), otherwise the local mailbox folder. Says so at startup, so
 * nobody believes mail went out when it was written to a folder.
 */
@ApplicationScoped
class TransportSelection {

    private static final Logger LOG = Logger.getLogger(TransportSelection.class);

    @Produces
    @Singleton
    MailTransport transport(EscalationConfig config, Mailer mailer, Config raw, MessageIds messageIds,
                            @ConfigProperty(name = "quarkus.mailer.from", defaultValue = "vigil@vigil.invalid") String from) {
        boolean smtp = switch (config.transport()) {
            case "smtp" -> true;
            case "mailbox" -> false;
            case "auto" -> hostConfigured(raw);
            default -> throw new IllegalArgumentException(
                    "vigil.escalation.transport must be auto, smtp or mailbox, not '" + config.transport() + "'");
        };
        if (smtp) {
            LOG.infof("Escalation emails go through SMTP at %s", raw.getOptionalValue("quarkus.mailer.host", String.class)
                    .orElse("localhost"));
            return new SmtpTransport(mailer);
        }
        Path directory = Path.of(config.mailboxDirectory()).toAbsolutePath();
        LOG.warnf("No SMTP server configured (quarkus.mailer.host): escalation emails are NOT sent, they are written to %s",
                directory);
        return new MailboxTransport(directory, from, messageIds.domain());
    }

    private static boolean hostConfigured(Config raw) {
        ConfigValue host = (ConfigValue) raw.getConfigValue("quarkus.mailer.host");
        return host.getRawValue() != null && host.getConfigSourceName() != null
                && !host.getConfigSourceName().contains("Default");
    }
}
