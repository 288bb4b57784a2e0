package org.vigil.escalation;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the wait doubles after each failure up to a ceiling, and each wait is
 * drawn between 75% and 100% of that value so relays that failed together do not retry together.
 */
public record Backoff(Duration initial, Duration max) {

    /** The wait after the {@code failures}-th failed attempt (1 for the first failure). */
    public Duration delayAfter(int failures, RandomGenerator random) {
        long ceiling = max.toMillis();
        long base = initial.toMillis();
        int doublings = Math.min(failures - 1, 62);
        long exponential = doublings >= Long.numberOfLeadingZeros(Math.max(base, 1)) - 1
                ? ceiling : Math.min(ceiling, base << doublings);
        long jittered = exponential - (long) (exponential * 0.25 * random.nextDouble());
        return Duration.ofMillis(jittered);
    }
}
