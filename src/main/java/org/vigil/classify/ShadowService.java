package org.vigil.classify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Lets the candidate model score, in batches, the mentions triage has finished with, and only while no mention
 * waits for classification or triage: it never takes time from the new-mention path, and its scores never
 * reach triage. It scores the mentions received since it scored its first one (or since it was loaded).
 */
@ApplicationScoped
public class ShadowService {

    private static final Logger LOG = Logger.getLogger(ShadowService.class);

    private final ShadowClassifier shadow;
    private final ShadowRepository repository;
    private final ReclassificationRepository pipeline;
    private final Clock clock;
    private final AtomicReference<Instant> since = new AtomicReference<>();

    ShadowService(ShadowClassifier shadow, ShadowRepository repository, ReclassificationRepository pipeline,
                  Clock clock) {
        this.shadow = shadow;
        this.repository = repository;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    /** Scores up to {@code limit} mentions with the candidate; returns how many (0 without a candidate or while new mentions wait). */
    @Transactional(rollbackOn = SQLException.class)
    public int scoreBatch(int limit) throws SQLException {
        if (shadow.candidate().isEmpty() || pipeline.newMentionsWait()) {
            return 0;
        }
        AbuseClassifier candidate = shadow.candidate().get();
        List<ShadowRepository.Unscored> unscored = repository.unscored(candidate.modelVersion(),
                since(candidate.modelVersion()), limit);
        Map<ShadowRepository.Unscored, Classification> scored = new LinkedHashMap<>();
        for (ShadowRepository.Unscored mention : unscored) {
            try {
                scored.put(mention, candidate.classify(mention.text(), mention.declaredLang()));
            } catch (RuntimeException e) {
                LOG.errorf(e, "The shadow model failed on mention %s; the live classification is unaffected",
                        mention.id());
            }
        }
        repository.save(scored, clock.instant());
        return unscored.size();
    }

    private Instant since(String modelVersion) throws SQLException {
        Instant known = since.get();
        if (known == null) {
            known = repository.firstScored(modelVersion).orElse(shadow.loadedAt());
            since.compareAndSet(null, known);
        }
        return known;
    }
}
