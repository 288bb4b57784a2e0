package org.vigil.triage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How classified mentions enter the review queue. */
@ConfigMapping(prefix = "vigil.triage")
public interface TriageConfig {

    /** How often triage looks for classified mentions (it is also woken when a batch is classified). */
    @WithDefault("1s")
    String pollInterval();

    /** Mentions triaged per transaction. */
    @WithDefault("200")
    int batchSize();

    /** A mention with no label whose score is within this margin below a threshold enters the queue as P4. */
    @WithDefault("0.1")
    double nearMissMargin();

    /** A VIOLENT score at or above this is P1 (the built-in rule); a lower VIOLENT label is P2. */
    @WithDefault("0.8")
    double urgentViolentScore();

    /**
     * A mention of a group marked handled alerts again when a category score exceeds the group's highest by
     * more than this (a new doxxing sign or a new MP always does).
     */
    @WithDefault("0.05")
    double handledScoreMargin();

    /**
     * How long a group marked handled folds repeats after the reviewer's decision. Afterwards its mentions alert
     * as usual until a reviewer marks it handled again: a campaign or an author that comes back weeks later is
     * news, and a dismissal is not a licence for whatever the same account writes next.
     */
    @WithDefault("P7D")
    Duration handledGroupLifetime();

    /** How soon an item must be decided, per priority. */
    Due due();

    interface Due {
        /** Time to decide a P1 item. */
        @WithDefault("PT15M")
        Duration p1();

        /** Time to decide a P2 item. */
        @WithDefault("PT1H")
        Duration p2();

        /** Time to decide a P3 item. */
        @WithDefault("PT8H")
        Duration p3();

        /** Time to decide a P4 item. */
        @WithDefault("P3D")
        Duration p4();

        default Duration of(Priority priority) {
            return switch (priority) {
                case P1 -> p1();
                case P2 -> p2();
                case P3 -> p3();
                case P4 -> p4();
            };
        }
    }
}
