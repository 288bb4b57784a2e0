package org.vigil.platform;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class OneDrainAtATimeTest {

    private final OneDrainAtATime oneAtATime = new OneDrainAtATime();
    private final AtomicInteger drains = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    @Test
    void aWakeUpDuringADrainRunsItOnceMoreInsteadOfBesideIt() throws InterruptedException {
        CountDownLatch firstDrainStarted = new CountDownLatch(1);
        CountDownLatch letFirstDrainEnd = new CountDownLatch(1);
        Runnable drain = () -> {
            int now = running.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            if (drains.incrementAndGet() == 1) {
                firstDrainStarted.countDown();
                await(letFirstDrainEnd);
            }
            running.decrementAndGet();
        };
        Thread first = new Thread(() -> oneAtATime.run(drain));
        first.start();
        assertThat(firstDrainStarted.await(10, TimeUnit.SECONDS)).isTrue();

        oneAtATime.run(drain);
        oneAtATime.run(drain);
        assertThat(drains).hasValue(1);

        letFirstDrainEnd.countDown();
        first.join(10_000);
        assertThat(first.isAlive()).isFalse();
        assertThat(drains).as("the two wake-ups during the first drain make one more").hasValue(2);
        assertThat(mostAtOnce).hasValue(1);
    }

    @Test
    void eachWakeUpWithNothingRunningDrainsAtOnce() {
        oneAtATime.run(drains::incrementAndGet);
        oneAtATime.run(drains::incrementAndGet);
        assertThat(drains).hasValue(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
