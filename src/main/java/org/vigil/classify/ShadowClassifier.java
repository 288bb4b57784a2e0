package org.vigil.classify;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The candidate model of {@code vigil.classifier.shadow.models}, if configured: loaded at startup (a broken
 * directory stops Vigil, as a broken live model does), with the same classifier code as the live model and the
 * candidate's own thresholds. Only the shadow job uses it; triage never sees its scores.
 */
@Startup
@ApplicationScoped
public class ShadowClassifier {

    private static final Logger LOG = Logger.getLogger(ShadowClassifier.class);

    private final Optional<AbuseClassifier> candidate;
    private final Instant loadedAt;

    ShadowClassifier(ShadowConfig config, Clock clock) {
        this.loadedAt = clock.instant();
        this.candidate = config.models().map(directory -> new AbuseClassifier(
                ModelBundle.fromDirectory(Path.of(directory)), LanguageIdentifier.fromClasspath(), 0));
        candidate.ifPresent(c -> LOG.infof("Shadow model %s from %s scores every new mention beside the live model",
                c.modelVersion(), config.models().get()));
    }

    /** The candidate, when one is configured. */
    public Optional<AbuseClassifier> candidate() {
        return candidate;
    }

    /** When this instance loaded the candidate: it scores mentions received from then on. */
    public Instant loadedAt() {
        return loadedAt;
    }

    public Optional<String> modelVersion() {
        return candidate.map(AbuseClassifier::modelVersion);
    }
}
