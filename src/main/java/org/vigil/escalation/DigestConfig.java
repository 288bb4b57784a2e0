package org.vigil.escalation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.vigil.triage.Priority;

import java.time.Duration;
import java.util.Set;

/**
 * Lower priorities as a digest: escalations at the listed priorities wait, per recipient, for one periodic
 * email that lists them all, instead of one email each. Off by default: every escalation alerts at once.
 */
@ConfigMapping(prefix = "vigil.escalation.digest")
public interface DigestConfig {

    /** Send escalations at {@link #priorities()} as a periodic digest instead of one email each. */
    @WithDefault("false")
    boolean enabled();

    /** Priorities that go into the digest (P2, P3, P4; P1 always alerts at once). */
    @WithDefault("P3,P4")
    Set<Priority> priorities();

    /** A recipient's digest goes out once the oldest case in it has waited this long. */
    @WithDefault("PT1H")
    Duration interval();

    /** How often waiting digests are looked for. */
    @WithDefault("1m")
    Duration checkInterval();
}
