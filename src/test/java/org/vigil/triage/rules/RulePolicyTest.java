package org.vigil.triage.rules;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigil.classify.Category;
import org.vigil.directory.MpDirectory;
import org.vigil.support.Webhooks;
import org.vigil.triage.FiredRule;
import org.vigil.triage.TriageCandidate;
import org.vigil.triage.TriageOutcome;
import org.vigil.triage.TriagePolicy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The rule-based policy is the one in force, and reads real history: repeat offenders and campaigns. */
@QuarkusTest
class RulePolicyTest {

    @Inject
    TriagePolicy policy;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MpDirectory directory;

    @Inject
    RuleRepository rules;

    @Test
    void theRuleBasedPolicyIsTheOneInForce() {
        assertThat(policy).isInstanceOf(RulePolicy.class);
    }

    @Test
    void firesRepeatOffenderAtTheAuthorsThirdFlaggedMentionAndNotAtTheSecond() throws Exception {
        String author = "author-" + UUID.randomUUID();
        List<UUID> mentions = store(author, "@JaneDoeMP", List.of("I will kill you, traitor", "I will kill you, coward"));

        assertThat(ids(assess(mentions.get(1)))).doesNotContain("repeat-offender");
        UUID third = store(author, "@OtherMP", List.of("I will kill you tomorrow")).get(0);
        TriageOutcome outcome = assess(third);
        assertThat(outcome.firedRules()).contains(new FiredRule("repeat-offender",
                "author flagged 3 times within 7d (rule: 3)"));
    }

    @Test
    void groupsNearIdenticalTextsFromDifferentAuthorsIntoOneCampaign() throws Exception {
        String handle = "@campaign" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
        directory.register("Campaign Target", Map.of("x", handle));
        String text = "Traitor MP, I will kill you for betraying our farmers, resign now or you will regret it";
        List<UUID> mentions = IntStream.range(0, 3).mapToObj(i -> store("bot-" + UUID.randomUUID(), handle,
                List.of("#" + i + " " + text + (i == 2 ? "!!!" : ""))).get(0)).toList();
        UUID unrelated = store("citizen-" + UUID.randomUUID(), handle,
                List.of("Why did you vote against the farmers bill? Please explain at the next surgery")).get(0);

        assertThat(ids(assess(mentions.get(0)))).doesNotContain("campaign");
        assertThat(ids(assess(mentions.get(1)))).doesNotContain("campaign");
        assertThat(ids(assess(unrelated))).doesNotContain("campaign");
        TriageOutcome third = assess(mentions.get(2));

        assertThat(third.tags()).contains("campaign");
        assertThat(third.firedRules()).filteredOn(rule -> rule.ruleId().equals("campaign"))
                .singleElement().extracting(FiredRule::reason).asString().contains("3 near-identical mentions from 3 authors");
        assertThat(column("SELECT DISTINCT campaign_id::text FROM campaign_member WHERE mention_id = ANY (?)",
                mentions.toArray(UUID[]::new))).hasSize(1);
        assertThat(column("SELECT campaign_id::text FROM campaign_member WHERE mention_id = ANY (?)",
                new UUID[] {unrelated})).isEmpty();
    }

    @Test
    void countsThePileOnsOfTwoUnregisteredMpsSeparately() throws Exception {
        long run = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
        String first = "@unregisteredA" + run;
        String second = "@unregisteredB" + run;
        List<UUID> atFirst = store("angry-" + UUID.randomUUID(), first, IntStream.range(0, 19)
                .mapToObj(i -> "I will kill you, traitor, number " + i).toList());
        List<UUID> atSecond = store("furious-" + UUID.randomUUID(), second, IntStream.range(0, 19)
                .mapToObj(i -> "I will kill you, coward, number " + i).toList());

        assertThat(ids(assess(atSecond.get(18)))).doesNotContain("pile-on");
        UUID twentieth = store("angry-" + UUID.randomUUID(), first.toUpperCase(java.util.Locale.ROOT),
                List.of("I will kill you, traitor, at last")).get(0);
        assertThat(assess(twentieth).firedRules()).contains(new FiredRule("pile-on",
                "20 flagged mentions of this MP within 1h (rule: 20)"));
        assertThat(ids(assess(atFirst.get(18)))).doesNotContain("pile-on");
    }

    @Test
    void queuesAMentionNamingAFamilyMemberRegisteredForTheMpAsDoxxing() throws Exception {
        String handle = "@threatened" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
        long mp = directory.register("Threatened MP", Map.of("x", handle));
        QuarkusTransaction.requiringNew().call(() -> {
            rules.saveProfile(mp, new MpProfile(0, List.of(), List.of("Amélie"), List.of()), Instant.now());
            return null;
        });
        UUID mention = store("someone-" + UUID.randomUUID(), handle, List.of("Say hello to little Amelie for me")).get(0);

        TriageOutcome outcome = assess(mention);

        assertThat(outcome.priority()).contains(org.vigil.triage.Priority.P2);
        assertThat(outcome.tags()).contains("doxxing");
        assertThat(outcome.firedRules()).contains(new FiredRule("doxxing", "names a family member (\"Amélie\")"));
    }

    private TriageOutcome assess(UUID mention) throws SQLException {
        TriageCandidate candidate = candidate(mention);
        return QuarkusTransaction.requiringNew().call(() -> policy.assess(candidate));
    }

    private static List<String> ids(TriageOutcome outcome) {
        return outcome.firedRules().stream().map(FiredRule::ruleId).toList();
    }

    /**
     * Mentions from one author to one handle, stored through the signed webhook, classified and triaged in
     * the background, so the test's own assessments never run concurrently with triage's.
     */
    private List<UUID> store(String authorId, String handle, List<String> texts) {
        String body = texts.stream().map(text -> """
                {"platform": "x", "externalId": "%s", "mpHandle": "%s",
                 "author": {"id": "%s", "handle": "@%s"}, "text": "%s",
                 "postedAt": "2026-11-29T06:00:00Z"}""".formatted(Webhooks.uniqueExternalId(), handle, authorId,
                authorId, text)).collect(Collectors.joining(",", "{\"mentions\": [", "]}"));
        List<String> ids = Webhooks.deliver(body).then().statusCode(202).extract().path("items.id");
        List<UUID> mentions = ids.stream().map(UUID::fromString).toList();
        await().atMost(Duration.ofSeconds(20)).until(() -> column(
                "SELECT id::text FROM mention WHERE state = 'TRIAGED' AND id = ANY (?)",
                mentions.toArray(UUID[]::new)).size() == mentions.size());
        return mentions;
    }

    /** The candidate triage builds for a classified mention. */
    private TriageCandidate candidate(UUID mention) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT m.mp_id, m.platform, m.author_id, m.author_handle, m.text, k.lang, k.violent, k.racist,
                            k.sexist, k.labels, m.posted_at, m.received_at, m.mp_handle
                     FROM mention m JOIN mention_classification k ON k.mention_id = m.id AND k.model_version = m.model_version
                     WHERE m.id = ?""")) {
            s.setObject(1, mention);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                Map<Category, Double> scores = new EnumMap<>(Category.class);
                scores.put(Category.VIOLENT, r.getDouble(7));
                scores.put(Category.RACIST, r.getDouble(8));
                scores.put(Category.SEXIST, r.getDouble(9));
                Set<Category> labels = EnumSet.noneOf(Category.class);
                for (String label : (String[]) r.getArray(10).getArray()) {
                    labels.add(Category.valueOf(label));
                }
                return new TriageCandidate(mention, Optional.ofNullable((Long) r.getObject(1)), Optional.ofNullable(r.getString(13)), r.getString(2),
                        Optional.ofNullable(r.getString(3)), Optional.ofNullable(r.getString(4)), r.getString(5),
                        Optional.of(r.getString(6)), scores, labels, Map.of(), false,
                        r.getTimestamp(11).toInstant(), r.getTimestamp(12).toInstant());
            }
        }
    }

    private List<String> column(String sql, UUID[] ids) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("uuid", ids));
            try (ResultSet r = s.executeQuery()) {
                List<String> values = new java.util.ArrayList<>();
                while (r.next()) {
                    values.add(r.getString(1));
                }
                return values;
            }
        }
    }
}
