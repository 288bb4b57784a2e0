package org.vigil.triage.rules;

/** One doxxing sign in a text: what kind, and the words that showed it. */
public record DoxxingSignal(String kind, String evidence) {
}
