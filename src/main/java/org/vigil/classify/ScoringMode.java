package org.vigil.classify;

/** Which stages score a mention. */
public enum ScoringMode {
    /** Lexical and semantic stage on every mention, fused (the default). */
    FUSED,
    /** The semantic stage only where the lexical score is uncertain (see {@link SemanticModel#uncertain}). */
    CASCADE,
    /** The lexical model alone, with its own thresholds: the semantic stage is off and never loaded. */
    LEXICAL
}
