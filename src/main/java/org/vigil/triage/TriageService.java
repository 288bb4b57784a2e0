package org.vigil.triage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.vigil.classify.AbuseClassifier;
import org.vigil.ingest.MentionRepository;
import org.vigil.ingest.MentionState;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Decides, for each classified mention, whether a human must see it and how urgently. Each batch commits
 * its review items, its escalations and the mentions' new state together. A mention that repeats a group
 * a reviewer marked handled is queued but folded into the group instead of alerting (see {@link HandledGroups}).
 */
@ApplicationScoped
public class TriageService {

    /** The tag of an item folded into a group a reviewer marked handled: queued, but no alert. */
    public static final String FOLDED_TAG = "folded";

    private final TriageRepository repository;
    private final ReviewItemRepository items;
    private final MentionRepository mentions;
    private final TriagePolicy policy;
    private final HandledGroups handledGroups;
    private final AbuseClassifier classifier;
    private final Event<EscalationRaised> escalations;
    private final TriageConfig config;
    private final Clock clock;

    TriageService(TriageRepository repository, ReviewItemRepository items, MentionRepository mentions,
                  TriagePolicy policy, HandledGroups handledGroups, AbuseClassifier classifier, Event<EscalationRaised> escalations,
                  TriageConfig config, Clock clock) {
        this.repository = repository;
        this.items = items;
        this.mentions = mentions;
        this.policy = policy;
        this.handledGroups = handledGroups;
        this.classifier = classifier;
        this.escalations = escalations;
        this.config = config;
        this.clock = clock;
    }

    /** Triages up to {@code limit} classified mentions; returns what the batch did. */
    @Transactional(rollbackOn = SQLException.class)
    public TriagedBatch triagePending(int limit) throws SQLException {
        List<TriageCandidate> candidates = repository.claimPending(limit, classifier::thresholds);
        Instant now = clock.instant();
        List<UUID> triaged = new ArrayList<>(candidates.size());
        List<TriagedItemSummary> queued = new ArrayList<>();
        for (TriageCandidate candidate : candidates) {
            TriageOutcome outcome = policy.assess(candidate);
            triaged.add(candidate.mentionId());
            if (outcome.priority().isEmpty()) {
                continue;
            }
            Priority priority = outcome.priority().get();
            HandledGroups.Check group = handledGroups.check(candidate, outcome);
            Set<String> tags = new TreeSet<>(outcome.tags());
            group.foldInto().ifPresent(handled -> tags.add(FOLDED_TAG));
            List<FiredRule> fired = group.addedTo(outcome.firedRules());
            ReviewItemRepository.TriagedItem item = items.upsert(candidate.mentionId(), priority,
                    now.plus(config.due().of(priority)), now, entryReason(candidate), candidate.labels(),
                    tags, fired, outcome.doxxing());
            queued.add(new TriagedItemSummary(item.id(), priority, item.created()));
            // A mention already queued is back after re-classification changed its labels: the item records the
            // new categories (and may rise in priority) but is neither folded nor escalated by triage now: a
            // reviewer has it in front of them, or has decided it, and escalates if the new scores convince them.
            if (!item.created()) {
                continue;
            }
            if (group.foldInto().isPresent()) {
                handledGroups.fold(group.foldInto().get(), candidate, item.id(), now);
            } else if (outcome.escalate()) {
                escalations.fire(new EscalationRaised(item.id(), candidate.mentionId(), priority,
                        "rules: " + fired.stream().map(FiredRule::ruleId).toList(), fired, "triage"));
            }
        }
        mentions.markAll(triaged, MentionState.TRIAGED);
        if (!queued.isEmpty()) {
            items.notifyQueueChanged(queued.get(0).itemId());
        }
        return new TriagedBatch(triaged.size(), List.copyOf(queued));
    }

    private static EntryReason entryReason(TriageCandidate candidate) {
        if (candidate.unclassifiable()) {
            return EntryReason.UNCLASSIFIABLE;
        }
        return candidate.labels().isEmpty() ? EntryReason.NEAR_MISS : EntryReason.LABELLED;
    }

    /** What one batch did: how many mentions it triaged, and the review items it created or raised. */
    public record TriagedBatch(int triaged, List<TriagedItemSummary> queued) {
    }

    /** A review item triage touched. */
    public record TriagedItemSummary(UUID itemId, Priority priority, boolean created) {
    }
}
