package org.vigil.classify;

import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * {@code java -jar quarkus-run.jar reclassify}: after a model change, records a re-classification request and
 * works on it in the low-priority lane until it is done. Safe while Vigil runs: the running service's lane
 * and this one share the request (whichever holds it works a batch), new mentions still go first, and with
 * the embedded database the command joins the running one (see {@code VigilMain}). Earlier classifications
 * stay in the database beside the new ones.
 */
public class ReclassifyCommand implements QuarkusApplication {

    private static final Logger LOG = Logger.getLogger(ReclassifyCommand.class);
    private static final long WAIT_MILLIS = 1000;

    @Inject
    ReclassificationService service;

    @Inject
    ReclassificationLane lane;

    @Override
    public int run(String... args) throws Exception {
        ReclassificationRequest request = service.request("command:reclassify");
        LOG.infof("Re-classification request %d for model %s: %d mentions carry an older model version",
                request.id(), request.modelVersion(), service.progress().olderModelMentions());
        while (true) {
            lane.drain();
            ReclassificationRequest now = service.find(request.id()).orElseThrow();
            if (now.state() == ReclassificationState.DONE) {
                LOG.infof("Re-classification request %d done: %d mentions re-scored, %d with other labels "
                        + "(back to triage once), %d failed", now.id(), now.rescored(), now.labelsChanged(),
                        now.failed());
                return 0;
            }
            // New mentions go first, or the running service's lane holds the request for a batch.
            Thread.sleep(WAIT_MILLIS);
        }
    }
}
