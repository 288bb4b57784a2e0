package org.vigil.triage.rules;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** A history that asks the database once per question, when two rule sets are applied to the same mention. */
final class RememberedHistory implements History {

    private final History source;
    private final Map<List<Object>, Object> answers = new HashMap<>();

    RememberedHistory(History source) {
        this.source = source;
    }

    @Override
    public long authorFlagged(Duration window) {
        return remember(List.of("author", window), () -> source.authorFlagged(window));
    }

    @Override
    public long mpFlagged(Duration window) {
        return remember(List.of("mp", window), () -> source.mpFlagged(window));
    }

    @Override
    public Volume mpVolume(Duration window, Duration baseline) {
        return remember(List.of("volume", window, baseline), () -> source.mpVolume(window, baseline));
    }

    @Override
    public Optional<Campaign> campaign(double similarity, int minAuthors, Duration window) {
        return remember(List.of("campaign", similarity, minAuthors, window),
                () -> source.campaign(similarity, minAuthors, window));
    }

    @SuppressWarnings("unchecked")
    private <T> T remember(List<Object> question, Supplier<T> ask) {
        return (T) answers.computeIfAbsent(question, key -> ask.get());
    }
}
