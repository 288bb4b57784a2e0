package org.vigil.triage.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Rule files are validated whole: a single problem refuses the file, with the rule and the problem named. */
class RuleParserTest {

    static String defaultRules() throws IOException {
        try (InputStream in = RuleParserTest.class.getResourceAsStream("/rules/default-rules.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheDefaultRulesShippedInTheJar() throws IOException {
        RuleSet rules = RuleParser.parse(defaultRules());

        assertThat(rules.version()).isEqualTo("default-1");
        assertThat(rules.rules()).extracting(Rule::id).contains("built-in:violent-urgent", "repeat-offender",
                "pile-on", "campaign", "doxxing", "watch-keyword", "built-in:near-miss");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"id\": \"x\", \"when\": {\"scores\": {\"VIOLENT\": 1.5}}, \"priority\": \"P1\"} | rule 'x': score for VIOLENT must be a number from 0 to 1, not 1.5",
            "{\"id\": \"x\", \"when\": {\"scores\": {\"ANGRY\": 0.5}}, \"priority\": \"P1\"} | rule 'x': unknown category \"ANGRY\"",
            "{\"id\": \"x\", \"when\": {\"flagged\": true}, \"priority\": \"P0\"} | rule 'x': \"priority\" must be P1, P2, P3 or P4",
            "{\"id\": \"x\", \"when\": {\"flagged\": true}, \"escalate\": true} | rule 'x': a rule that escalates must also set a priority",
            "{\"id\": \"x\", \"when\": {\"flagged\": true}} | rule 'x': has no action",
            "{\"id\": \"x\", \"priority\": \"P2\"} | rule 'x': \"when\" is missing",
            "{\"id\": \"x\", \"when\": {\"repeatOffender\": {\"count\": 0, \"window\": \"P7D\"}}, \"priority\": \"P2\"} | rule 'x': repeatOffender \"count\" must be a whole number from 1 to 100000, not 0",
            "{\"id\": \"x\", \"when\": {\"pileOn\": {\"count\": 5, \"window\": \"an hour\"}}, \"priority\": \"P2\"} | rule 'x': pileOn \"window\" must be an ISO-8601 duration",
            "{\"id\": \"x\", \"when\": {\"campaign\": {\"similarity\": 0.6, \"minAuthors\": 1, \"window\": \"PT1H\"}}, \"priority\": \"P2\"} | rule 'x': campaign \"minAuthors\" must be at least 2",
            "{\"id\": \"x\", \"when\": {\"flagged\": true, \"doxxing\": true}, \"priority\": \"P2\"} | rule 'x': a condition must be an object with exactly one of",
            "{\"id\": \"x\", \"when\": {\"shouting\": true}, \"priority\": \"P2\"} | rule 'x': unknown condition \"shouting\"",
            "{\"id\": \"x\", \"when\": {\"anyOf\": []}, \"priority\": \"P2\"} | rule 'x': \"anyOf\" must be a non-empty list",
            "{\"id\": \"x\", \"when\": {\"flagged\": true}, \"priority\": \"P2\", \"colour\": \"red\"} | rule 'x': unknown field \"colour\"",
            "{\"id\": \"Bad Id\", \"when\": {\"flagged\": true}, \"priority\": \"P2\"} | rule 'Bad Id': \"id\" must be 1-64 lower-case",
            "{\"when\": {\"flagged\": true}, \"priority\": \"P2\"} | rule #2: \"id\" must be",
            "{\"id\": \"x\", \"when\": {\"labelled\": {\"categories\": [\"VIOLENT\"], \"atLeast\": 2}}, \"priority\": \"P2\"} | rule 'x': labelled \"atLeast\" is more than the categories listed",
            "{\"id\": \"x\", \"when\": {\"nearMiss\": {\"margin\": 2}}, \"priority\": \"P4\"} | rule 'x': nearMiss \"margin\" must be a number from 0"})
    void refusesAnInvalidRuleNamingTheRuleAndTheProblem(String badRule, String expected) {
        String file = "{\"version\": \"v\", \"rules\": [{\"id\": \"good\", \"when\": {\"flagged\": true}, \"priority\": \"P4\"}, "
                + badRule + "]}";

        InvalidRulesException refused = catchThrowableOfType(InvalidRulesException.class, () -> RuleParser.parse(file));

        assertThat(refused).isNotNull();
        assertThat(refused.problems()).anySatisfy(problem -> assertThat(problem).startsWith(expected.trim()));
    }

    @Test
    void refusesADuplicateIdAndListsEveryProblemAtOnce() {
        String file = """
                {"version": "v", "rules": [
                  {"id": "a", "when": {"flagged": true}, "priority": "P4"},
                  {"id": "a", "when": {"flagged": true}, "priority": "P9"}]}""";

        assertThatThrownBy(() -> RuleParser.parse(file)).isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("rule 'a': the id is used by an earlier rule")
                .hasMessageContaining("rule 'a': \"priority\" must be P1, P2, P3 or P4");
    }

    @Test
    void refusesTextThatIsNotJsonWithItsPosition() {
        assertThatThrownBy(() -> RuleParser.parse("{\"version\": \"v\",\n \"rules\": [}"))
                .isInstanceOf(InvalidRulesException.class).hasMessageContaining("not valid JSON (line 2");
    }

    @Test
    void neverFailsOtherwiseOnMangledRuleFiles() throws IOException {
        String valid = defaultRules();
        Random random = new Random(20261129);
        for (int i = 0; i < 2000; i++) {
            StringBuilder mangled = new StringBuilder(valid);
            for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
                int at = random.nextInt(mangled.length());
                switch (random.nextInt(3)) {
                    case 0 -> mangled.deleteCharAt(at);
                    case 1 -> mangled.insert(at, "{}[]\":,0-9aPT.e".charAt(random.nextInt(15)));
                    default -> mangled.setCharAt(at, (char) (' ' + random.nextInt(95)));
                }
            }
            try {
                RuleParser.parse(mangled.toString());
            } catch (InvalidRulesException expected) {
                assertThat(expected.problems()).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("rule"));
            }
        }
    }
}
