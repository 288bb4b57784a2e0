package org.vigil.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Counts mentions of processed deliveries by outcome; refused requests are counted per problem type elsewhere. */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(IngestService.IngestAnswer answer) {
        if (answer.replayed()) {
            registry.counter("vigil.webhook.replays").increment();
            return;
        }
        DeliveryReceipt receipt = answer.receipt();
        registry.counter("vigil.mentions.received").increment(receipt.items().size());
        registry.counter("vigil.mentions.accepted").increment(receipt.accepted());
        registry.counter("vigil.mentions.duplicate").increment(receipt.duplicates());
        for (DeliveryReceipt.Item item : receipt.items()) {
            if (item.status() == DeliveryReceipt.Status.rejected) {
                registry.counter("vigil.mentions.rejected", "reason", item.reason()).increment();
            }
        }
    }
}
