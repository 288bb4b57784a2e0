package org.vigil.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counts mentions of processed deliveries by outcome; refused requests are counted per problem type
 * elsewhere. Counters are looked up once, not on every delivery.
 */
@ApplicationScoped
public class IngestMetrics {

    private final Counter replays;
    private final Counter received;
    private final Counter accepted;
    private final Counter duplicates;
    private final Map<RejectionReason, Counter> rejected = new EnumMap<>(RejectionReason.class);

    IngestMetrics(MeterRegistry registry) {
        replays = registry.counter("vigil.webhook.replays");
        received = registry.counter("vigil.mentions.received");
        accepted = registry.counter("vigil.mentions.accepted");
        duplicates = registry.counter("vigil.mentions.duplicate");
        for (RejectionReason reason : RejectionReason.values()) {
            rejected.put(reason, registry.counter("vigil.mentions.rejected", "reason", reason.code()));
        }
    }

    void record(IngestService.IngestAnswer answer) {
        if (answer.replayed()) {
            replays.increment();
            return;
        }
        DeliveryReceipt receipt = answer.receipt();
        received.increment(receipt.items().size());
        accepted.increment(receipt.accepted());
        duplicates.increment(receipt.duplicates());
        for (DeliveryReceipt.Item item : receipt.items()) {
            if (item.status() == DeliveryReceipt.Status.rejected) {
                rejected.get(RejectionReason.fromCode(item.reason())).increment();
            }
        }
    }
}
