package org.vigil.classify;

import io.micrometer.core.instrument.MeterRegistry;
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
 * reach triage. It scores the mentions received since it scored its first one (or since it was loaded). A mention
 * it fails on is recorded once with the error and not tried again.
 */
@ApplicationScoped
public class ShadowService {

    private static final Logger LOG = Logger.getLogger(ShadowService.class);

    private final ShadowClassifier shadow;
    private final ShadowRepository repository;
    private final ReclassificationRepository pipeline;
    private final Clock clock;
    private final MeterRegistry registry;
    private final AtomicReference<Instant> since = new AtomicReference<>();

    ShadowService(ShadowClassifier shadow, ShadowRepository repository, ReclassificationRepository pipeline,
                  Clock clock, MeterRegistry registry) {
        this.shadow = shadow;
        this.repository = repository;
        this.pipeline = pipeline;
        this.clock = clock;
        this.registry = registry;
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
        Map<ShadowRepository.Unscored, String> failed = new LinkedHashMap<>();
        for (ShadowRepository.Unscored mention : unscored) {
            try {
                scored.put(mention, candidate.classify(mention.text(), mention.declaredLang()));
            } catch (RuntimeException e) {
                LOG.errorf(e, "The shadow model failed on mention %s; the live classification is unaffected",
                        mention.id());
                failed.put(mention, String.valueOf(e));
            }
        }
        Instant now = clock.instant();
        repository.save(scored, now);
        repository.saveFailures(candidate.modelVersion(), failed, now);
        registry.counter("vigil.shadow.scored").increment(scored.size());
        registry.counter("vigil.shadow.failed").increment(failed.size());
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
