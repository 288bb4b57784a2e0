package org.vigil.admin;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigil.classify.AbuseClassifier;
import org.vigil.classify.ReclassificationRequest;
import org.vigil.classify.ReclassificationService;
import org.vigil.classify.ShadowClassifier;
import org.vigil.classify.ShadowRepository;
import org.vigil.problem.FieldError;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The classifier's admin actions: its status, re-classification in the low-priority lane, the shadow model. */
@ApplicationScoped
public class ClassifierAdmin {

    static final int MAX_VERSION_LENGTH = 200;

    private final AbuseClassifier live;
    private final ReclassificationService reclassification;
    private final ShadowClassifier shadow;
    private final ShadowComparisonRepository comparisons;
    private final ShadowRepository shadowScores;
    private final SecurityIdentity identity;

    ClassifierAdmin(AbuseClassifier live, ReclassificationService reclassification, ShadowClassifier shadow,
                    ShadowComparisonRepository comparisons, ShadowRepository shadowScores,
                    SecurityIdentity identity) {
        this.live = live;
        this.reclassification = reclassification;
        this.shadow = shadow;
        this.comparisons = comparisons;
        this.shadowScores = shadowScores;
        this.identity = identity;
    }

    /** The shadow model, if one runs, compared with the live one per category and language. */
    public ShadowReport shadow() throws SQLException {
        Optional<String> version = shadow.modelVersion();
        return new ShadowReport(live.modelVersion(), version,
                version.isPresent() ? comparisons.compare(version.get()) : List.of(),
                version.isPresent() ? shadowScores.failures(version.get()) : 0);
    }

    public ReclassificationService.Progress progress() throws SQLException {
        return reclassification.progress();
    }

    /**
     * Queues a re-classification (once, however often asked). {@code expectedModelVersion}, when given, must be
     * the model in force here: during a roll-out, a replica still on the old model refuses instead of
     * re-classifying with it.
     */
    public ReclassificationRequest reclassify(String expectedModelVersion) throws SQLException {
        if (expectedModelVersion != null) {
            if (expectedModelVersion.isBlank() || expectedModelVersion.length() > MAX_VERSION_LENGTH) {
                throw new ProblemException(ProblemType.INVALID_FIELDS, "Invalid model version", List.of(
                        new FieldError("/expectedModelVersion", "1 to " + MAX_VERSION_LENGTH + " characters")));
            }
            if (!live.modelVersion().equals(expectedModelVersion)) {
                throw new ProblemException(ProblemType.CONFLICT, "This instance classifies with model "
                        + live.modelVersion() + ", not " + expectedModelVersion);
            }
        }
        return reclassification.request(identity.getPrincipal().getName());
    }

    /**
     * The live model, the shadow model (empty when none runs: {@code vigil.classifier.shadow.models}) and
     * their comparison per language and category, and how many mentions the shadow model failed on.
     */
    public record ShadowReport(String liveModelVersion, Optional<String> shadowModelVersion,
            List<ShadowComparisonRepository.ShadowComparison> comparisons, long failed) {
    }
}
