package org.vigil.escalation;

import org.vigil.triage.Priority;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A list of recipients admins may change at runtime: one per priority, and the further tiers of an
 * unacknowledged P1. Mirrored by a CHECK constraint on {@code escalation_recipient_list.list_key}.
 */
public enum RecipientList {
    P1, P2, P3, P4,
    /** Tiers separated by {@code ;}, addresses by {@code ,}. */
    TIERS;

    static RecipientList of(Priority priority) {
        return valueOf(priority.name());
    }

    /** The list named in a path ({@code p1} ... {@code p4}, {@code tiers}), in any case. */
    public static Optional<RecipientList> named(String name) {
        return Arrays.stream(values()).filter(list -> list.name().equals(name.toUpperCase(Locale.ROOT))).findFirst();
    }

    /** How paths and the configuration name it: {@code p1}, {@code tiers}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
