package org.vigil.classify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.vigil.audit.AuditLog;
import org.vigil.ingest.MentionRepository;
import org.vigil.ingest.MentionRepository.RescoredMention;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Re-classifies already triaged mentions with the model in force, in a lane that gives way to new mentions:
 * a batch runs only while no mention waits for classification or triage. Each re-scored mention gets the new
 * classification in force, kept beside the older ones. A mention whose labels stay the same stays triaged;
 * one whose labels change goes back to triage once, which creates a review item where none existed and never
 * escalates an item that already exists (see {@code TriageService}).
 */
@ApplicationScoped
public class ReclassificationService {

    private static final Logger LOG = Logger.getLogger(ReclassificationService.class);

    private final ReclassificationRepository requests;
    private final ClassificationRepository classifications;
    private final MentionRepository mentions;
    private final AbuseClassifier classifier;
    private final AuditLog audit;
    private final Clock clock;

    ReclassificationService(ReclassificationRepository requests, ClassificationRepository classifications,
                            MentionRepository mentions, AbuseClassifier classifier, AuditLog audit, Clock clock) {
        this.requests = requests;
        this.classifications = classifications;
        this.mentions = mentions;
        this.classifier = classifier;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a request by {@code requestedBy} (audited), or returns the pending one: asking twice queues it once. */
    @Transactional(rollbackOn = SQLException.class)
    public ReclassificationRequest request(String requestedBy) throws SQLException {
        Optional<ReclassificationRequest> current = requests.current()
                .filter(r -> r.state() == ReclassificationState.PENDING);
        if (current.isPresent()) {
            return current.get();
        }
        ReclassificationRequest created = requests.insert(clock.instant(), requestedBy, classifier.modelVersion());
        audit.recordAs(requestedBy, "classifier.reclassify", "reclassification_request",
                Long.toString(created.id()), null, new Requested(created.modelVersion()));
        return created;
    }

    @Transactional
    public Optional<ReclassificationRequest> find(long id) throws SQLException {
        return requests.find(id);
    }

    /** The model in force, how many mentions still carry another model's classification, and the latest request. */
    @Transactional
    public Progress progress() throws SQLException {
        return new Progress(classifier.modelVersion(), requests.olderModelCount(classifier.modelVersion()),
                requests.current());
    }

    /** Re-scores one batch of the oldest pending request, unless new mentions wait; says what it did. */
    @Transactional(rollbackOn = SQLException.class)
    public Batch rescoreBatch(int limit) throws SQLException {
        Optional<ReclassificationRepository.Place> place = requests.lockOldestPending();
        if (place.isEmpty()) {
            return Batch.idle(Outcome.NO_REQUEST);
        }
        if (requests.newMentionsWait()) {
            return Batch.idle(Outcome.GAVE_WAY);
        }
        long requestId = place.get().requestId();
        List<ReclassificationRepository.Stale> stale = requests.nextStale(place.get(), classifier.modelVersion(), limit);
        Instant now = clock.instant();
        if (stale.isEmpty()) {
            requests.finish(requestId, now);
            LOG.infof("Re-classification request %d finished: every triaged mention carries model %s",
                    requestId, classifier.modelVersion());
            return Batch.idle(Outcome.FINISHED);
        }
        Map<UUID, Classification> results = new LinkedHashMap<>();
        List<RescoredMention> rescored = new ArrayList<>();
        int failed = 0;
        for (ReclassificationRepository.Stale mention : stale) {
            try {
                Classification result = classifier.classify(mention.text(), mention.declaredLang());
                results.put(mention.id(), result);
                rescored.add(new RescoredMention(mention.id(), result.modelVersion(), result.lang(),
                        !names(result).equals(mention.labels())));
            } catch (RuntimeException e) {
                LOG.errorf(e, "Mention %s could not be re-classified; it keeps its classification", mention.id());
                failed++;
            }
        }
        classifications.save(results, now);
        mentions.rescored(rescored);
        int changed = (int) rescored.stream().filter(RescoredMention::backToTriage).count();
        requests.advance(requestId, stale.get(stale.size() - 1), rescored.size(), changed, failed);
        return new Batch(Outcome.RESCORED, rescored.size(), changed, failed);
    }

    private static Set<String> names(Classification result) {
        return result.labels().stream().map(Enum::name).collect(Collectors.toSet());
    }

    /** What one call of {@link #rescoreBatch} did. */
    public enum Outcome {
        /** No pending request (or another lane holds it). */
        NO_REQUEST,
        /** Mentions wait for classification or triage: they go first. */
        GAVE_WAY,
        /** A batch was re-scored. */
        RESCORED,
        /** Nothing was left: the request is done. */
        FINISHED
    }

    /**
     * What one batch did: how many mentions it re-scored, how many of them went back to triage because their
     * labels changed, and how many failed (they keep their classification).
     */
    public record Batch(Outcome outcome, int rescored, int backToTriage, int failed) {

        static Batch idle(Outcome outcome) {
            return new Batch(outcome, 0, 0, 0);
        }
    }

    /** The classifier's version, how many mentions carry an older one (or none), and the latest request. */
    public record Progress(String modelVersion, long olderModelMentions, Optional<ReclassificationRequest> request) {
    }

    private record Requested(String modelVersion) {
    }
}
