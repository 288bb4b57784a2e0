package org.vigil.escalation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Who the security unit is, how alerts reach it, and how hard the relay tries. */
@ConfigMapping(prefix = "vigil.escalation")
public interface EscalationConfig {

    /** Addresses alerted per priority. */
    Recipients recipients();

    /** Language of an address given without a {@code fr:} style prefix (en or fr). */
    @WithDefault("en")
    String defaultLanguage();

    /** {@code smtp}, {@code mailbox}, or {@code auto}: SMTP when quarkus.mailer.host is configured, else the mailbox folder. */
    @WithDefault("auto")
    String transport();

    /** Folder that receives one .eml file per email when the mailbox transport is in force. */
    @WithDefault("${VIGIL_DATA_DIR:vigil-data}/mailbox")
    String mailboxDirectory();

    /** Domain used in Message-ID headers; defaults to the host of vigil.public-url. */
    Optional<String> messageIdDomain();

    /** How far back an alert looks at the author's other mentions. */
    @WithDefault("P30D")
    Duration authorHistoryWindow();

    /** Key signing acknowledgement links; when absent one is generated once and kept in the database. */
    Optional<String> linkSecret();

    /** How long an acknowledgement link works. */
    @WithDefault("P3D")
    Duration linkValidity();

    /** An escalation of the same author and MP as an open case within this time is folded into it. */
    @WithDefault("PT30M")
    Duration cooldown();

    /** The outbox relay. */
    Relay relay();

    /** Alarms about the pipeline itself. */
    Alarms alarms();

    interface Alarms {
        /** How often the pipeline is checked. */
        @WithDefault("30s")
        Duration checkInterval();

        /** Integrations count as active when a mention arrived within this time. */
        @WithDefault("PT24H")
        Duration activeWindow();

        /** Alarm when active integrations sent no mention for this long. */
        @WithDefault("PT30M")
        Duration ingestSilence();

        /** Alarm when a mention has waited this long for classification. */
        @WithDefault("PT5M")
        Duration classifyLag();

        /** Alarm when an email has waited this long in the outbox. */
        @WithDefault("PT5M")
        Duration outboxLag();

        /** Alarm after this many SMTP failures in a row. */
        @WithDefault("5")
        int smtpFailures();
    }

    /** Unacknowledged P1 cases go to further tiers. */
    Tiers tiers();

    interface Tiers {
        /** Recipients of each further tier, tiers separated by ';', addresses by ',' (duty@x;backup@y). */
        Optional<String> next();

        /** Wait for an acknowledgement before an open P1 goes to the next tier. */
        @WithDefault("PT10M")
        Duration delay();

        /** How many times an unacknowledged P1 goes to a next tier; past the last tier it is repeated. */
        @WithDefault("2")
        int repeats();
    }

    interface Recipients {
        /** P1 recipients, comma-separated; {@code fr:} before an address sends it French emails. */
        @WithDefault("security-unit@vigil.invalid")
        List<String> p1();

        /** P2 recipients, comma-separated. */
        @WithDefault("security-unit@vigil.invalid")
        List<String> p2();

        /** P3 recipients, comma-separated; none by default. */
        Optional<List<String>> p3();

        /** P4 recipients, comma-separated; none by default. */
        Optional<List<String>> p4();
    }

    interface Relay {
        /** How often the relay looks for due emails when no notification woke it. */
        @WithDefault("1s")
        Duration pollInterval();

        /**
         * Emails this instance hands to the mail server at once, each claimed in its own transaction (other
         * relays skip the locked rows, so each is still sent once).
         */
        @WithDefault("4")
        int concurrency();

        /** Attempts before an email moves to the dead letter; with the default backoff about 80 minutes or more. */
        @WithDefault("15")
        int maxAttempts();

        /** Wait after the first failure; doubled after each further failure. */
        @WithDefault("PT5S")
        Duration initialBackoff();

        /** Longest wait between two attempts. */
        @WithDefault("PT15M")
        Duration maxBackoff();
    }
}
