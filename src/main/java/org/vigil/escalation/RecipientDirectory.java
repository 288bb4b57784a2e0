package org.vigil.escalation;

import jakarta.enterprise.context.ApplicationScoped;
import org.vigil.triage.Priority;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Who is alerted per priority and per further tier, read once from configuration (a bad address stops startup). */
@ApplicationScoped
public class RecipientDirectory {

    private final Map<Priority, List<Recipient>> byPriority = new EnumMap<>(Priority.class);
    private final List<List<Recipient>> tiers;

    RecipientDirectory(EscalationConfig config) {
        EscalationConfig.Recipients configured = config.recipients();
        byPriority.put(Priority.P1, parse(configured.p1(), config));
        byPriority.put(Priority.P2, parse(configured.p2(), config));
        byPriority.put(Priority.P3, parse(configured.p3().orElse(List.of()), config));
        byPriority.put(Priority.P4, parse(configured.p4().orElse(List.of()), config));
        tiers = config.tiers().next().map(chain -> Arrays.stream(chain.split(";"))
                .filter(tier -> !tier.isBlank())
                .map(tier -> parse(Arrays.asList(tier.split(",")), config))
                .toList()).orElse(List.of());
    }

    public List<Recipient> forPriority(Priority priority) {
        return byPriority.get(priority);
    }

    /** Recipients of the {@code step}-th further tier (0 first); past the last tier, the last one; P1's list without tiers. */
    public List<Recipient> tier(int step) {
        return tiers.isEmpty() ? byPriority.get(Priority.P1) : tiers.get(Math.min(step, tiers.size() - 1));
    }

    private static List<Recipient> parse(List<String> entries, EscalationConfig config) {
        return entries.stream().filter(entry -> !entry.isBlank())
                .map(entry -> Recipient.parse(entry, config.defaultLanguage())).toList();
    }
}
