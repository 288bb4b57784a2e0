package org.vigil.review;

import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.file.Path;

/**
 * {@code java -jar quarkus-run.jar export-decisions <file>}: writes reviewers' decisions as corpus records
 * (see {@link DecisionExport}) for training, then exits.
 */
public class ExportDecisionsCommand implements QuarkusApplication {

    private static final Logger LOG = Logger.getLogger(ExportDecisionsCommand.class);

    @Inject
    DecisionExport export;

    @Override
    public int run(String... args) throws Exception {
        if (args.length < 2) {
            LOG.error("Usage: export-decisions <file.jsonl>");
            return 2;
        }
        Path file = Path.of(args[1]);
        int written = export.writeTo(file);
        LOG.infof("Wrote %d reviewed mentions to %s; it holds abusive text: keep it with the corpus, not in git",
                written, file.toAbsolutePath());
        return 0;
    }
}
