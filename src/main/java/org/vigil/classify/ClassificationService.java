package org.vigil.classify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.vigil.ingest.MentionRepository;
import org.vigil.ingest.MentionRepository.ClassifiedMention;
import org.vigil.ingest.MentionState;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Classifies stored mentions in batches; each batch commits its scores and state change together. */
@ApplicationScoped
public class ClassificationService {

    private static final Logger LOG = Logger.getLogger(ClassificationService.class);

    private final ClassificationRepository repository;
    private final MentionRepository mentions;
    private final AbuseClassifier classifier;
    private final Clock clock;

    ClassificationService(ClassificationRepository repository, MentionRepository mentions, AbuseClassifier classifier,
                          Clock clock) {
        this.repository = repository;
        this.mentions = mentions;
        this.classifier = classifier;
        this.clock = clock;
    }

    /**
     * Classifies up to {@code limit} waiting mentions. A mention the classifier fails on is set aside as
     * unclassifiable rather than retried forever, so one bad text never stops the others being scored.
     */
    @Transactional(rollbackOn = SQLException.class)
    public ClassifiedBatch classifyPending(int limit) throws SQLException {
        List<PendingMention> pending = repository.claimPending(limit);
        Map<UUID, Classification> results = new LinkedHashMap<>();
        List<UUID> failures = new ArrayList<>();
        for (PendingMention mention : pending) {
            try {
                results.put(mention.id(), classifier.classify(mention.text(), mention.declaredLang()));
            } catch (RuntimeException e) {
                LOG.errorf(e, "Mention %s could not be classified; it is marked UNCLASSIFIABLE", mention.id());
                failures.add(mention.id());
            }
        }
        repository.save(results, clock.instant());
        mentions.markClassified(results.entrySet().stream()
                .map(e -> new ClassifiedMention(e.getKey(), e.getValue().modelVersion(), e.getValue().lang()))
                .toList());
        mentions.markAll(failures, MentionState.UNCLASSIFIABLE);
        return new ClassifiedBatch(List.copyOf(results.values()), failures);
    }

    /** What one batch did: the classifications committed, and the mentions set aside as unclassifiable. */
    public record ClassifiedBatch(List<Classification> classifications, List<UUID> failures) {
        public int size() {
            return classifications.size() + failures.size();
        }
    }
}
