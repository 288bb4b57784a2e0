package org.vigil.classify;

/** One word, phrase or pattern that pushed a category's score up, with its learned weight (log-odds). */
public record Contribution(String feature, double weight) {
}
