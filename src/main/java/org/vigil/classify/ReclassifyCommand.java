package org.vigil.classify;

import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * {@code java -jar quarkus-run.jar reclassify}: after a model change, classifies every stored mention
 * again with the current model. Earlier classifications stay in the database beside the new ones.
 */
public class ReclassifyCommand implements QuarkusApplication {

    private static final Logger LOG = Logger.getLogger(ReclassifyCommand.class);

    @Inject
    ClassificationService service;

    @Inject
    ClassificationWorker worker;

    @Inject
    AbuseClassifier classifier;

    @Override
    public int run(String... args) throws Exception {
        int requeued = service.requeueForCurrentModel();
        long classified = worker.drain();
        LOG.infof("Re-classification with model %s: %d mentions queued, %d classified",
                classifier.modelVersion(), requeued, classified);
        return 0;
    }
}
