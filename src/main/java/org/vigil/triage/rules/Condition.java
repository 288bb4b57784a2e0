package org.vigil.triage.rules;

import org.vigil.classify.Category;
import org.vigil.triage.TriageCandidate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The "when" of a rule: says why it holds for a mention, or nothing when it does not. */
public sealed interface Condition {

    Optional<String> test(RuleInput input);

    /** Every listed category reaches its minimum score, lowered for a sensitive MP. */
    record Scores(Map<Category, Double> minimums) implements Condition {
        @Override
        public Optional<String> test(RuleInput input) {
            double reduction = input.profile().thresholdReduction();
            List<String> parts = new ArrayList<>();
            for (Map.Entry<Category, Double> minimum : minimums.entrySet()) {
                double threshold = Math.max(0, minimum.getValue() - reduction);
                double score = input.candidate().score(minimum.getKey());
                if (input.candidate().unclassifiable() || score < threshold) {
                    return Optional.empty();
                }
                parts.add(String.format(Locale.ROOT, "%s %.2f ≥ %.2f", minimum.getKey(), score, threshold));
            }
            String reason = String.join(" and ", parts);
            return Optional.of(reduction > 0 ? reason + String.format(Locale.ROOT,
                    " (thresholds lowered by %.2f for this MP)", reduction) : reason);
        }
    }

    /** The classifier labelled at least one category. */
    record Flagged() implements Condition {
        @Override
        public Optional<String> test(RuleInput input) {
            return input.candidate().labels().isEmpty() ? Optional.empty() : Optional.of("flagged "
                    + input.candidate().labels().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")));
        }
    }

    /** The classifier could not score the mention. */
    record Unclassifiable() implements Condition {
        @Override
        public Optional<String> test(RuleInput input) {
            return input.candidate().unclassifiable() ? Optional.of("the classifier could not score it") : Optional.empty();
        }
    }

    /** At least {@code atLeast} of the listed categories are labelled. */
    record Labelled(Set<Category> categories, int atLeast) implements Condition {
        @Override
        public Optional<String> test(RuleInput input) {
            List<String> labelled = categories.stream().filter(input.candidate().labels()::contains)
                    .map(Enum::name).sorted().toList();
            return labelled.size() >= atLeast ? Optional.of("labels " + String.join(", ", labelled)) : Optional.empty();
        }
    }

    /** No label, but a score within {@code margin} below its threshold. */
    record NearMiss(double margin) implements Condition {
        @Override
        public Optional<String> test(RuleInput input) {
            TriageCandidate candidate = input.candidate();
            if (candidate.unclassifiable() || !candidate.labels().isEmpty()) {
                return Optional.empty();
            }
            List<String> near = new ArrayList<>();
            for (Category category : Category.values()) {
                double threshold = candidate.thresholds().getOrDefault(category, 1.0);
                double score = candidate.score(category);
                if (score >= threshold - margin) {
                    near.add(String.format(Locale.ROOT, "%s %.2f just below %.2f", category, score, threshold));
                }
            }
            return near.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", near));
        }
    }

    /** The text shows a doxxing sign. */
    record Doxxing() implements Condition {
        @Override
        public Optional<String> test(RuleInput input) {
            return input.doxxing().isEmpty() ? Optional.empty() : Optional.of(input.doxxing().stream()
                    .map(signal -> signal.kind() + " (\"" + signal.evidence() + "\")")
                    .collect(Collectors.joining("; ")));
        }
    }

    /** The text contains one of the MP's watch keywords. */
    record WatchKeyword() implements Condition {
        @Override
        public Optional<String> test(RuleInput input) {
            String text = DoxxingDetector.fold(input.candidate().text());
            return input.profile().watchKeywords().stream()
                    .filter(keyword -> text.contains(DoxxingDetector.fold(keyword)))
                    .findFirst()
                    .map(keyword -> "watch keyword \"" + keyword + "\"");
        }
    }

    /** The mention is flagged and its author was flagged at least {@code count} times in the window. */
    record RepeatOffender(int count, Duration window) implements Condition {
        @Override
        public Optional<String> test(RuleInput input) {
            if (input.candidate().labels().isEmpty() || input.candidate().authorId().isEmpty()) {
                return Optional.empty();
            }
            long flagged = input.history().authorFlagged(window);
            return flagged >= count ? Optional.of("author flagged " + flagged + " times within " + human(window)
                    + " (rule: " + count + ")") : Optional.empty();
        }
    }

    /** The mention is flagged and the MP received at least {@code count} flagged mentions in the window. */
    record PileOn(int count, Duration window) implements Condition {
        @Override
        public Optional<String> test(RuleInput input) {
            if (input.candidate().labels().isEmpty() || input.candidate().targetKey().isEmpty()) {
                return Optional.empty();
            }
            long flagged = input.history().mpFlagged(window);
            return flagged >= count ? Optional.of(flagged + " flagged mentions of this MP within " + human(window)
                    + " (rule: " + count + ")") : Optional.empty();
        }
    }

    /** The MP's mentions in the window reach {@code factor} times the usual volume, and at least {@code minimum}. */
    record Spike(double factor, int minimum, Duration window, Duration baseline) implements Condition {
        @Override
        public Optional<String> test(RuleInput input) {
            if (input.candidate().targetKey().isEmpty()) {
                return Optional.empty();
            }
            History.Volume volume = input.history().mpVolume(window, baseline);
            return volume.recent() >= minimum && volume.recent() >= factor * volume.usual()
                    ? Optional.of(String.format(Locale.ROOT, "%d mentions of this MP within %s, usually %.1f",
                    volume.recent(), human(window), volume.usual()))
                    : Optional.empty();
        }
    }

    /** The mention joins a campaign of near-identical texts from several authors. */
    record Campaign(double similarity, int minAuthors, Duration window) implements Condition {
        @Override
        public Optional<String> test(RuleInput input) {
            return input.history().campaign(similarity, minAuthors, window).map(campaign ->
                    "campaign #" + campaign.id() + ": " + campaign.mentions() + " near-identical mentions from "
                            + campaign.authors() + " authors within " + human(window));
        }
    }

    /** Every condition holds. */
    record AllOf(List<Condition> conditions) implements Condition {
        @Override
        public Optional<String> test(RuleInput input) {
            List<String> reasons = new ArrayList<>();
            for (Condition condition : conditions) {
                Optional<String> reason = condition.test(input);
                if (reason.isEmpty()) {
                    return Optional.empty();
                }
                reasons.add(reason.get());
            }
            return Optional.of(String.join("; ", reasons));
        }
    }

    /** At least one condition holds; the reasons of all that hold are given. */
    record AnyOf(List<Condition> conditions) implements Condition {
        @Override
        public Optional<String> test(RuleInput input) {
            List<String> reasons = conditions.stream().map(c -> c.test(input)).flatMap(Optional::stream).toList();
            return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
        }
    }

    private static String human(Duration window) {
        long minutes = window.toMinutes();
        if (minutes % (24 * 60) == 0) {
            return window.toDays() + "d";
        }
        return minutes % 60 == 0 ? window.toHours() + "h" : minutes + "min";
    }
}
