package org.vigil.classify.training;

import java.util.List;
import java.util.Optional;

import org.vigil.classify.AbuseClassifier;
import org.vigil.classify.Classification;

/**
 * A model's classifications of evaluation rows, in row order, through the service path (language detected, labels
 * at the shipped thresholds). Rows are scored on every core: the classifier is shared by the service's threads
 * too, and a corpus test split of 16,000 rows takes one core about ten minutes with the semantic stage.
 */
final class Classifications {

    private Classifications() {
    }

    static List<Classification> of(AbuseClassifier classifier, List<CorpusRecord> rows) {
        return rows.parallelStream().map(row -> classifier.classify(row.text(), Optional.empty())).toList();
    }
}
