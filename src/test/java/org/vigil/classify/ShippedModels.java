package org.vigil.classify;

/** The classifier over the models shipped in models/, loaded once for all test classes. */
final class ShippedModels {

    static final AbuseClassifier CLASSIFIER = AbuseClassifier.withShippedModels();

    private ShippedModels() {
    }
}
