package org.vigil.review;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.vigil.platform.DatabaseNotification;
import org.vigil.triage.ReviewItemRepository;

import java.time.Duration;

/**
 * Tells open queue pages, as server-sent events, that the queue changed: a {@code queue} event with the
 * id of an item triage just queued (on any replica, through PostgreSQL NOTIFY), and a {@code ping} comment
 * every 25 seconds so that proxies keep the stream open.
 */
@ApplicationScoped
public class QueueEvents {

    private static final Duration PING = Duration.ofSeconds(25);

    private final BroadcastProcessor<String> changes = BroadcastProcessor.create();

    void onNotification(@ObservesAsync DatabaseNotification notification) {
        if (ReviewItemRepository.QUEUE_CHANNEL.equals(notification.channel())) {
            changes.onNext(notification.payload());
        }
    }

    /** Item ids as they are queued, interleaved with empty pings. */
    public Multi<String> stream() {
        Multi<String> pings = Multi.createFrom().ticks().every(PING).map(tick -> "");
        return Multi.createBy().merging().streams(changes, pings);
    }
}
