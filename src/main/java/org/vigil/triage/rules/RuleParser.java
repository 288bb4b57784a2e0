package org.vigil.triage.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.vigil.classify.Category;
import org.vigil.triage.Priority;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Reads a rule file (JSON, format in {@code rules/default-rules.json} and README) and validates all of it
 * before anything is used: a file with any problem is refused whole, with every problem listed as
 * "rule 'id': what is wrong".
 */
public final class RuleParser {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9:-]{0,63}");
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> problems = new ArrayList<>();

    private RuleParser() {
    }

    public static RuleSet parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidRulesException(List.of("rule file: not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        }
        return new RuleParser().ruleSet(root);
    }

    private RuleSet ruleSet(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new InvalidRulesException(List.of("rule file: must be a JSON object with \"version\" and \"rules\""));
        }
        unknownKeys("rule file", root, Set.of("version", "rules"));
        String version = root.path("version").asText("");
        if (version.isBlank()) {
            problems.add("rule file: \"version\" is missing");
        }
        JsonNode list = root.path("rules");
        if (!list.isArray() || list.isEmpty()) {
            problems.add("rule file: \"rules\" must be a non-empty list");
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String id = node.path("id").asText("");
            String name = id.isEmpty() ? "rule #" + (i + 1) : "rule '" + id + "'";
            if (!ID.matcher(id).matches()) {
                problems.add(name + ": \"id\" must be 1-64 lower-case letters, digits or dashes");
            } else if (!ids.add(id)) {
                problems.add(name + ": the id is used by an earlier rule");
            }
            rule(name, id, node).ifPresent(rules::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(problems);
        }
        return new RuleSet(version, List.copyOf(rules));
    }

    private Optional<Rule> rule(String name, String id, JsonNode node) {
        if (!node.isObject()) {
            problems.add(name + ": must be a JSON object");
            return Optional.empty();
        }
        unknownKeys(name, node, Set.of("id", "description", "when", "priority", "escalate", "tags"));
        Optional<Priority> priority = Optional.empty();
        if (node.has("priority")) {
            try {
                priority = Optional.of(Priority.valueOf(node.get("priority").asText()));
            } catch (IllegalArgumentException e) {
                problems.add(name + ": \"priority\" must be P1, P2, P3 or P4, not " + node.get("priority"));
            }
        }
        boolean escalate = false;
        if (node.has("escalate")) {
            if (node.get("escalate").isBoolean()) {
                escalate = node.get("escalate").asBoolean();
            } else {
                problems.add(name + ": \"escalate\" must be true or false");
            }
        }
        if (escalate && !node.has("priority")) {
            problems.add(name + ": a rule that escalates must also set a priority");
        }
        Set<String> tags = new LinkedHashSet<>();
        for (JsonNode tag : node.path("tags")) {
            if (!tag.isTextual() || !TAG.matcher(tag.asText()).matches()) {
                problems.add(name + ": tag " + tag + " must be 1-32 lower-case letters, digits or dashes");
            } else {
                tags.add(tag.asText());
            }
        }
        if (!node.has("priority") && !escalate && tags.isEmpty()) {
            problems.add(name + ": has no action (set a priority, escalate or a tag)");
        }
        if (!node.has("when")) {
            problems.add(name + ": \"when\" is missing");
            return Optional.empty();
        }
        Optional<Priority> sets = priority;
        boolean alerts = escalate;
        return condition(name, node.get("when")).map(condition -> new Rule(id, node.path("description").asText(""),
                condition, sets, alerts, Set.copyOf(tags)));
    }

    private Optional<Condition> condition(String name, JsonNode node) {
        if (!node.isObject() || node.size() != 1) {
            problems.add(name + ": a condition must be an object with exactly one of scores, flagged, doxxing, "
                    + "watchKeyword, unclassifiable, labelled, nearMiss, repeatOffender, pileOn, spike, campaign, allOf, anyOf; got "
                    + node);
            return Optional.empty();
        }
        String kind = node.fieldNames().next();
        JsonNode body = node.get(kind);
        return switch (kind) {
            case "scores" -> scores(name, body);
            case "flagged" -> flag(name, kind, body, new Condition.Flagged());
            case "doxxing" -> flag(name, kind, body, new Condition.Doxxing());
            case "watchKeyword" -> flag(name, kind, body, new Condition.WatchKeyword());
            case "unclassifiable" -> flag(name, kind, body, new Condition.Unclassifiable());
            case "labelled" -> labelled(name, body);
            case "nearMiss" -> {
                unknownKeys(name + " nearMiss", body, Set.of("margin"));
                yield fraction(name, kind, body, "margin", 0, 1).map(Condition.NearMiss::new);
            }
            case "repeatOffender" -> countInWindow(name, kind, body, Condition.RepeatOffender::new);
            case "pileOn" -> countInWindow(name, kind, body, Condition.PileOn::new);
            case "spike" -> {
                unknownKeys(name + " spike", body, Set.of("factor", "minimum", "window", "baseline"));
                Optional<Double> factor = fraction(name, kind, body, "factor", 1, 1000);
                Optional<Integer> minimum = count(name, kind, body, "minimum");
                Optional<Duration> window = duration(name, kind, body, "window");
                Optional<Duration> baseline = duration(name, kind, body, "baseline");
                if (window.isPresent() && baseline.isPresent() && baseline.get().compareTo(window.get()) <= 0) {
                    problems.add(name + ": spike \"baseline\" must be longer than \"window\"");
                    yield Optional.empty();
                }
                yield factor.isPresent() && minimum.isPresent() && window.isPresent() && baseline.isPresent()
                        ? Optional.of(new Condition.Spike(factor.get(), minimum.get(), window.get(), baseline.get()))
                        : Optional.empty();
            }
            case "campaign" -> {
                unknownKeys(name + " campaign", body, Set.of("similarity", "minAuthors", "window"));
                Optional<Double> similarity = fraction(name, kind, body, "similarity", 0.1, 1);
                Optional<Integer> authors = count(name, kind, body, "minAuthors");
                Optional<Duration> window = duration(name, kind, body, "window");
                if (authors.isPresent() && authors.get() < 2) {
                    problems.add(name + ": campaign \"minAuthors\" must be at least 2");
                    yield Optional.empty();
                }
                yield similarity.isPresent() && authors.isPresent() && window.isPresent()
                        ? Optional.of(new Condition.Campaign(similarity.get(), authors.get(), window.get()))
                        : Optional.empty();
            }
            case "allOf", "anyOf" -> {
                if (!body.isArray() || body.isEmpty()) {
                    problems.add(name + ": \"" + kind + "\" must be a non-empty list of conditions");
                    yield Optional.empty();
                }
                List<Condition> parts = new ArrayList<>();
                for (JsonNode part : body) {
                    condition(name, part).ifPresent(parts::add);
                }
                if (parts.size() != body.size()) {
                    yield Optional.empty();
                }
                yield Optional.of(kind.equals("allOf") ? new Condition.AllOf(List.copyOf(parts))
                        : new Condition.AnyOf(List.copyOf(parts)));
            }
            default -> {
                problems.add(name + ": unknown condition \"" + kind + "\"");
                yield Optional.empty();
            }
        };
    }

    private Optional<Condition> countInWindow(String name, String kind, JsonNode body,
                                              BiFunction<Integer, Duration, Condition> build) {
        unknownKeys(name + " " + kind, body, Set.of("count", "window"));
        Optional<Integer> count = count(name, kind, body, "count");
        Optional<Duration> window = duration(name, kind, body, "window");
        return count.isPresent() && window.isPresent() ? Optional.of(build.apply(count.get(), window.get()))
                : Optional.empty();
    }

    private Optional<Condition> labelled(String name, JsonNode body) {
        unknownKeys(name + " labelled", body, Set.of("categories", "atLeast"));
        Set<Category> categories = EnumSet.noneOf(Category.class);
        JsonNode list = body.path("categories");
        if (!list.isArray() || list.isEmpty()) {
            problems.add(name + ": labelled \"categories\" must be a non-empty list of VIOLENT, RACIST, SEXIST");
            return Optional.empty();
        }
        for (JsonNode category : list) {
            try {
                categories.add(Category.valueOf(category.asText()));
            } catch (IllegalArgumentException e) {
                problems.add(name + ": unknown category " + category + " (VIOLENT, RACIST, SEXIST)");
                return Optional.empty();
            }
        }
        Optional<Integer> atLeast = count(name, "labelled", body, "atLeast");
        if (atLeast.isPresent() && atLeast.get() > categories.size()) {
            problems.add(name + ": labelled \"atLeast\" is more than the categories listed");
            return Optional.empty();
        }
        return atLeast.map(n -> new Condition.Labelled(Set.copyOf(categories), n));
    }

    private Optional<Condition> scores(String name, JsonNode body) {
        if (!body.isObject() || body.isEmpty()) {
            problems.add(name + ": \"scores\" must map categories (VIOLENT, RACIST, SEXIST) to minimum scores");
            return Optional.empty();
        }
        Map<Category, Double> minimums = new EnumMap<>(Category.class);
        boolean valid = true;
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String category = it.next();
            JsonNode value = body.get(category);
            try {
                Category parsed = Category.valueOf(category);
                if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
                    problems.add(name + ": score for " + category + " must be a number from 0 to 1, not " + value);
                    valid = false;
                } else {
                    minimums.put(parsed, value.asDouble());
                }
            } catch (IllegalArgumentException e) {
                problems.add(name + ": unknown category \"" + category + "\" (VIOLENT, RACIST, SEXIST)");
                valid = false;
            }
        }
        return valid ? Optional.of(new Condition.Scores(Map.copyOf(minimums))) : Optional.empty();
    }

    private Optional<Condition> flag(String name, String kind, JsonNode body, Condition condition) {
        if (!body.isBoolean() || !body.asBoolean()) {
            problems.add(name + ": \"" + kind + "\" takes the value true");
            return Optional.empty();
        }
        return Optional.of(condition);
    }

    private Optional<Integer> count(String name, String kind, JsonNode body, String field) {
        JsonNode value = body.path(field);
        if (!value.isInt() || value.asInt() < 1 || value.asInt() > 100_000) {
            problems.add(name + ": " + kind + " \"" + field + "\" must be a whole number from 1 to 100000, not "
                    + (value.isMissingNode() ? "missing" : value.toString()));
            return Optional.empty();
        }
        return Optional.of(value.asInt());
    }

    private Optional<Double> fraction(String name, String kind, JsonNode body, String field, double min, double max) {
        JsonNode value = body.path(field);
        if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
            problems.add(name + ": " + kind + " \"" + field + "\" must be a number from " + min + " to " + max
                    + ", not " + (value.isMissingNode() ? "missing" : value.toString()));
            return Optional.empty();
        }
        return Optional.of(value.asDouble());
    }

    private Optional<Duration> duration(String name, String kind, JsonNode body, String field) {
        JsonNode value = body.path(field);
        try {
            Duration duration = Duration.parse(value.asText(""));
            if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofDays(366)) > 0) {
                throw new DateTimeParseException("out of range", value.asText(), 0);
            }
            return Optional.of(duration);
        } catch (DateTimeParseException e) {
            problems.add(name + ": " + kind + " \"" + field + "\" must be an ISO-8601 duration up to a year "
                    + "(PT30M, PT1H, P7D), not " + (value.isMissingNode() ? "missing" : value.toString()));
            return Optional.empty();
        }
    }

    private void unknownKeys(String name, JsonNode node, Set<String> known) {
        if (!node.isObject()) {
            return;
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                problems.add(name + ": unknown field \"" + key + "\"");
            }
        });
    }
}
