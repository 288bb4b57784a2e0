package org.vigil.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.vigil.directory.MpHandles;
import org.vigil.problem.FieldError;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;
import org.vigil.webhook.Integration;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Stores a verified delivery exactly once: the webhook-id is claimed, the raw body kept as evidence,
 * new mentions inserted and the answer saved, all in one transaction, so a 202 means committed. The
 * common delivery takes a single statement.
 */
@ApplicationScoped
public class IngestService {

    private final DeliveryRepository deliveries;
    private final MentionRepository mentions;
    private final MpHandles handles;
    private final ObjectMapper json;
    private final Event<MentionsStored> storedEvents;
    private final Clock clock;

    IngestService(DeliveryRepository deliveries, MentionRepository mentions, MpHandles handles, ObjectMapper json,
                  Event<MentionsStored> storedEvents, Clock clock) {
        this.storedEvents = storedEvents;
        this.deliveries = deliveries;
        this.mentions = mentions;
        this.handles = handles;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(rollbackOn = SQLException.class)
    public IngestAnswer ingest(Integration integration, String webhookId, byte[] body, ParsedDelivery delivery)
            throws SQLException {
        List<ParsedItem> items = rejectUnknownMps(delivery.items(), delivery.batch());
        if (!delivery.batch() && !items.get(0).isValid()) {
            // A lone invalid mention is refused whole and nothing is claimed, so the sender can retry it fixed.
            ParsedItem refused = items.get(0);
            throw new ProblemException(refused.reason().problem(), "The mention was not stored", refused.errors());
        }
        List<IncomingMention> valid = items.stream().filter(ParsedItem::isValid).map(ParsedItem::mention).toList();
        List<UUID> ids = valid.stream().map(m -> UUID.randomUUID()).toList();

        // The answer is written with the claim, assuming every mention is new; a rare difference is saved after.
        List<MentionRepository.StoredMention> hoped = new ArrayList<>(valid.size());
        for (int i = 0; i < valid.size(); i++) {
            IncomingMention mention = valid.get(i);
            boolean registered = mention.mpId() != null
                    || handles.isRegistered(mention.platform().code(), mention.mpHandle());
            hoped.add(new MentionRepository.StoredMention(ids.get(i), registered, false));
        }
        DeliveryReceipt expected = receipt(webhookId, items, hoped);
        String expectedJson = write(expected);
        byte[] sha256 = sha256(body);
        Optional<List<MentionRepository.StoredMention>> stored = mentions.claimAndInsert(
                new MentionRepository.Delivery(integration.id(), webhookId, clock.instant(), sha256, body, expectedJson),
                valid, ids);
        if (stored.isEmpty()) {
            return replay(integration, webhookId, sha256);
        }
        DeliveryReceipt receipt = receipt(webhookId, items, stored.get());
        long fresh = stored.get().stream().filter(mention -> !mention.duplicate()).count();
        if (fresh > 0) {
            storedEvents.fire(new MentionsStored((int) fresh));
        }
        if (receipt.equals(expected)) {
            return new IngestAnswer(expectedJson, receipt, false);
        }
        String answer = write(receipt);
        deliveries.saveResponse(integration.id(), webhookId, answer);
        return new IngestAnswer(answer, receipt, false);
    }

    private static DeliveryReceipt receipt(String webhookId, List<ParsedItem> items,
                                           List<MentionRepository.StoredMention> storedMentions) {
        List<DeliveryReceipt.Item> outcomes = new ArrayList<>(items.size());
        int next = 0;
        for (ParsedItem item : items) {
            outcomes.add(item.isValid()
                    ? DeliveryReceipt.Item.stored(item.index(), storedMentions.get(next++))
                    : DeliveryReceipt.Item.rejected(item.index(), item.reason(), item.errors()));
        }
        return DeliveryReceipt.of(webhookId, outcomes);
    }

    private IngestAnswer replay(Integration integration, String webhookId, byte[] sha256) throws SQLException {
        DeliveryRepository.StoredDelivery previous = deliveries.find(integration.id(), webhookId)
                .orElseThrow(() -> new IllegalStateException("claimed delivery vanished: " + webhookId));
        if (!Arrays.equals(previous.bodySha256(), sha256)) {
            throw new ProblemException(ProblemType.WEBHOOK_ID_REUSED,
                    "webhook-id " + webhookId + " was already used for a different body; use a new id per message");
        }
        return new IngestAnswer(previous.response(), null, true);
    }

    /** An MP id that Vigil does not know is the sender's mistake, reported like any invalid field. */
    private List<ParsedItem> rejectUnknownMps(List<ParsedItem> items, boolean batch) throws SQLException {
        Set<Long> requested = new HashSet<>();
        items.stream().filter(ParsedItem::isValid).map(i -> i.mention().mpId())
                .filter(Objects::nonNull).forEach(requested::add);
        if (requested.isEmpty()) {
            return items;
        }
        Set<Long> known = mentions.existingMpIds(requested);
        List<ParsedItem> checked = new ArrayList<>(items.size());
        for (ParsedItem item : items) {
            Long mpId = item.isValid() ? item.mention().mpId() : null;
            if (mpId != null && !known.contains(mpId)) {
                String pointer = (batch ? "/mentions/" + item.index() : "") + "/mp";
                item = ParsedItem.rejected(item.index(), RejectionReason.UNKNOWN_MP,
                        List.of(new FieldError(pointer, "no MP with id " + mpId)));
            }
            checked.add(item);
        }
        return checked;
    }

    private String write(DeliveryReceipt receipt) {
        try {
            return json.writeValueAsString(receipt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a receipt is always serialisable", e);
        }
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** What to answer: the receipt's JSON, and whether it is the stored answer of an earlier delivery. */
    public record IngestAnswer(String json, DeliveryReceipt receipt, boolean replayed) {
    }
}
