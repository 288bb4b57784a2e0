package org.vigil.classify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Classifies stored mentions in batches; each batch commits its scores and state change together. */
@ApplicationScoped
public class ClassificationService {

    private final ClassificationRepository repository;
    private final AbuseClassifier classifier;
    private final Clock clock;

    ClassificationService(ClassificationRepository repository, AbuseClassifier classifier, Clock clock) {
        this.repository = repository;
        this.classifier = classifier;
        this.clock = clock;
    }

    /** Classifies up to {@code limit} waiting mentions; returns their classifications, none when none waited. */
    @Transactional(rollbackOn = SQLException.class)
    public List<Classification> classifyPending(int limit) throws SQLException {
        List<PendingMention> pending = repository.claimPending(limit);
        if (pending.isEmpty()) {
            return List.of();
        }
        Map<UUID, Classification> results = new LinkedHashMap<>();
        for (PendingMention mention : pending) {
            results.put(mention.id(), classifier.classify(mention.text(), mention.declaredLang()));
        }
        repository.save(results, clock.instant());
        return List.copyOf(results.values());
    }

    /** Queues every mention classified by another model version; the worker then classifies them again. */
    @Transactional(rollbackOn = SQLException.class)
    public int requeueForCurrentModel() throws SQLException {
        return repository.requeueOtherModelVersions(classifier.modelVersion());
    }
}
