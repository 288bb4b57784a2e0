package org.vigil.escalation;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.vigil.triage.Priority;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who is alerted per priority and per further tier: the list an admin stored (see {@link RecipientRepository}),
 * else the configuration, read once (a bad configured address stops startup). When the stored lists cannot
 * be read (the database is down), the configuration applies, so alarms still reach someone.
 */
@ApplicationScoped
public class RecipientDirectory {

    private static final Logger LOG = Logger.getLogger(RecipientDirectory.class);

    private final Map<Priority, List<Recipient>> byPriority = new EnumMap<>(Priority.class);
    private final List<List<Recipient>> tiers;
    private final RecipientRepository stored;
    private final String defaultLanguage;

    RecipientDirectory(EscalationConfig config, RecipientRepository stored) {
        this.stored = stored;
        this.defaultLanguage = config.defaultLanguage();
        EscalationConfig.Recipients configured = config.recipients();
        byPriority.put(Priority.P1, parse(configured.p1(), defaultLanguage));
        byPriority.put(Priority.P2, parse(configured.p2(), defaultLanguage));
        byPriority.put(Priority.P3, parse(configured.p3().orElse(List.of()), defaultLanguage));
        byPriority.put(Priority.P4, parse(configured.p4().orElse(List.of()), defaultLanguage));
        tiers = config.tiers().next().map(chain -> parseTiers(chain, defaultLanguage)).orElse(List.of());
    }

    public List<Recipient> forPriority(Priority priority) {
        return storedEntries(RecipientList.of(priority)).map(entries -> parseList(entries, defaultLanguage))
                .orElse(byPriority.get(priority));
    }

    /** Recipients of the {@code step}-th further tier (0 first); past the last tier, the last one; P1's list without tiers. */
    public List<Recipient> tier(int step) {
        List<List<Recipient>> chain = storedEntries(RecipientList.TIERS)
                .map(entries -> parseTiers(entries, defaultLanguage)).orElse(tiers);
        return chain.isEmpty() ? forPriority(Priority.P1) : chain.get(Math.min(step, chain.size() - 1));
    }

    /** Comma-separated entries ({@code duty@x, fr:permanence@y}); throws IllegalArgumentException naming a bad one. */
    static List<Recipient> parseList(String entries, String defaultLanguage) {
        return parse(Arrays.asList(entries.split(",")), defaultLanguage);
    }

    /** Tiers separated by {@code ;}, each a comma-separated list; empty tiers are skipped. */
    static List<List<Recipient>> parseTiers(String chain, String defaultLanguage) {
        return Arrays.stream(chain.split(";"))
                .filter(tier -> !tier.isBlank())
                .map(tier -> parseList(tier, defaultLanguage))
                .toList();
    }

    private Optional<String> storedEntries(RecipientList list) {
        try {
            return stored.find(list).map(RecipientRepository.StoredList::entries);
        } catch (SQLException e) {
            LOG.warnf("Could not read the stored %s recipients (%s); using the configured ones", list, e.getMessage());
            return Optional.empty();
        }
    }

    private static List<Recipient> parse(List<String> entries, String defaultLanguage) {
        return entries.stream().map(String::strip).filter(entry -> !entry.isEmpty())
                .map(entry -> Recipient.parse(entry, defaultLanguage)).toList();
    }
}
