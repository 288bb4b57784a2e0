package org.vigil.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.vigil.problem.FieldError;

import java.util.List;
import java.util.UUID;

/** The 202 answer to a delivery: what became of each item, in the order sent. */
public record DeliveryReceipt(String webhookId, int accepted, int duplicates, int rejected, List<Item> items) {

    public enum Status { accepted, duplicate, rejected }

    /** One item's outcome; {@code mpRegistered} is false while its MP handle is unknown to Vigil. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int index, Status status, UUID id, Boolean mpRegistered, String reason, List<FieldError> errors) {

        static Item stored(int index, MentionRepository.StoredMention mention) {
            return new Item(index, mention.duplicate() ? Status.duplicate : Status.accepted, mention.id(),
                    mention.mpRegistered(), null, null);
        }

        static Item rejected(int index, RejectionReason reason, List<FieldError> errors) {
            return new Item(index, Status.rejected, null, null, reason.code(), errors);
        }
    }

    static DeliveryReceipt of(String webhookId, List<Item> items) {
        int accepted = (int) items.stream().filter(i -> i.status() == Status.accepted).count();
        int duplicates = (int) items.stream().filter(i -> i.status() == Status.duplicate).count();
        return new DeliveryReceipt(webhookId, accepted, duplicates, items.size() - accepted - duplicates, items);
    }
}
