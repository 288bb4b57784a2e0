package org.vigil.review;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.security.Roles;
import org.vigil.support.StaffLogin;
import org.vigil.classify.ClassificationWorker;
import org.vigil.directory.MpDirectory;
import org.vigil.support.Queue;
import org.vigil.support.Webhooks;
import org.vigil.triage.TriageWorker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The review queue's JSON API: decisions, conflicts, masking and the mention view. */
@QuarkusTest
class ReviewApiTest {

    private StaffLogin.Session rita;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ClassificationWorker classification;
    @Inject
    TriageWorker triage;
    @Inject
    MpDirectory directory;

    @BeforeEach
    void logIn() {
        rita = StaffLogin.as(Roles.REVIEWER);
    }

    private RequestSpecification given() {
        return rita.given();
    }

    @Test
    void confirmingWithCorrectedCategoriesKeepsTheReviewersLabels() throws Exception {
        String item = claimedItem("confirm");

        given().contentType("application/json").body("{\"categories\": [\"VIOLENT\", \"SEXIST\"], \"note\": \"aimed at her\"}")
                .post("/api/v1/review/items/{id}/confirm", item)
                .then().statusCode(200)
                .body("item.state", equalTo("CONFIRMED"))
                .body("item.categories", contains("VIOLENT", "SEXIST"))
                .body("item.decidedBy", equalTo(rita.username()))
                .body("history.action", contains("CLAIM", "CONFIRM"))
                .body("history[1].note", equalTo("aimed at her"));

        assertThat(column("SELECT categories::text FROM review_action WHERE item_id = ? AND action = 'CONFIRM'", item))
                .isEqualTo("{VIOLENT,SEXIST}");
        assertThat(column("""
                SELECT actor || ' ' || (before->>'state') || '->' || (after->>'state') || ' ' || (after->>'note')
                FROM audit_event WHERE object_type = 'review_item' AND object_id = ?::text AND action = 'review.confirm'""",
                item)).isEqualTo(rita.username() + " CLAIMED->CONFIRMED aimed at her");
    }

    @Test
    void aSecondDecisionOnADecidedItemIsAConflict() throws Exception {
        String item = claimedItem("conflict");
        given().contentType("application/json").body("{}").post("/api/v1/review/items/{id}/dismiss", item)
                .then().statusCode(200).body("item.state", equalTo("DISMISSED"));

        given().contentType("application/json").body("{\"categories\": [\"VIOLENT\"]}")
                .post("/api/v1/review/items/{id}/confirm", item)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/review-conflict"))
                .body("detail", containsString("DISMISSED"));
    }

    @Test
    void confirmingWithAnUnknownCategoryNamesTheField() throws Exception {
        String item = claimedItem("badcategory");
        given().contentType("application/json").body("{\"categories\": [\"VIOLENT\", \"RUDE\"]}")
                .post("/api/v1/review/items/{id}/confirm", item)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/categories/1"));
        given().get("/api/v1/review/items/{id}", item).then().statusCode(200).body("item.state", equalTo("CLAIMED"));
    }

    @Test
    void escalatingNeedsAReasonAndReopeningNeedsOneToo() throws Exception {
        String item = claimedItem("escalate");
        given().contentType("application/json").body("{}").post("/api/v1/review/items/{id}/escalate", item)
                .then().statusCode(422).body("errors[0].pointer", equalTo("/reason"));
        given().contentType("application/json").body("{\"reason\": \"names the school of her children\"}")
                .post("/api/v1/review/items/{id}/escalate", item)
                .then().statusCode(200).body("item.state", equalTo("ESCALATED"))
                .body("item.categories", contains("VIOLENT"));

        given().contentType("application/json").body("{}").post("/api/v1/review/items/{id}/reopen", item)
                .then().statusCode(422);
        given().contentType("application/json").body("{\"reason\": \"police asked for a second look\"}")
                .post("/api/v1/review/items/{id}/reopen", item)
                .then().statusCode(200).body("item.state", equalTo("CLAIMED")).body("item.decidedBy", nullValue())
                .body("history.action", contains("CLAIM", "ESCALATE", "REOPEN"));
    }

    @Test
    void holdPausesTheLeaseAndResumeRestoresIt() throws Exception {
        String item = claimedItem("hold");
        given().contentType("application/json").body("{\"note\": \"asked the MP's office\"}")
                .post("/api/v1/review/items/{id}/hold", item)
                .then().statusCode(200).body("item.state", equalTo("ON_HOLD")).body("item.leaseUntil", nullValue());
        given().post("/api/v1/review/items/{id}/lease", item).then().statusCode(409);
        given().post("/api/v1/review/items/{id}/resume", item)
                .then().statusCode(200).body("item.state", equalTo("CLAIMED")).body("item.leaseUntil", not(nullValue()));
    }

    @Test
    void handingOverGivesTheItemToTheColleague() throws Exception {
        String item = claimedItem("handover");
        String colleague = StaffLogin.account(Roles.SECURITY);
        given().contentType("application/json").body("{\"to\": \"nobody-by-that-name\"}")
                .post("/api/v1/review/items/{id}/hand-over", item)
                .then().statusCode(422).body("errors[0].pointer", equalTo("/to"));
        given().contentType("application/json").body("{\"to\": \"%s\", \"note\": \"you know this author\"}".formatted(colleague))
                .post("/api/v1/review/items/{id}/hand-over", item)
                .then().statusCode(200).body("item.claimedBy", equalTo(colleague));
        given().post("/api/v1/review/items/{id}/release", item).then().statusCode(409);
    }

    @Test
    void theItemShowsMaskedTextUntilRevealedAndRecordsTheReveal() throws Exception {
        String handle = "@mask_" + Webhooks.uniqueExternalId();
        Queue.newMp(directory, handle);
        String text = "You stupid bitch, " + Queue.THREAT;
        UUID mention = Queue.deliverAndTriage(classification, triage, handle, text, 1).get(0);
        String item = Queue.itemsOf(dataSource, List.of(mention)).get(0).toString();

        given().get("/api/v1/review/items/{id}", item).then().statusCode(200)
                .body("maskedText", containsString("b****"))
                .body("maskedText", not(containsString("bitch")))
                .body("mention.text", nullValue());
        given().post("/api/v1/review/items/{id}/reveal", item).then().statusCode(200).body("text", equalTo(text));
        given().get("/api/v1/mentions/{id}", mention).then().statusCode(200)
                .body("maskedText", containsString("b****"))
                .body("reviewItem.id", equalTo(item))
                .body("classifications[0].labels", hasItem("VIOLENT"));
        assertThat(column("SELECT count(*)::text FROM review_action WHERE item_id = ? AND action = 'REVEAL'", item))
                .isEqualTo("1");
        assertThat(column("SELECT count(*)::text FROM audit_event WHERE object_id = ?::text AND action = 'review.reveal'",
                item)).isEqualTo("1");
    }

    @Test
    void bulkDismissChangesOnlyWhatIsOpenOrMine() throws Exception {
        String handle = "@bulk_" + Webhooks.uniqueExternalId();
        Queue.newMp(directory, handle);
        List<UUID> items = Queue.itemsOf(dataSource,
                Queue.deliverAndTriage(classification, triage, handle, Queue.THREAT, 3));
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     UPDATE review_item SET state = 'CLAIMED', claimed_by = 'someone-else', lease_until = now() + interval '5 minutes'
                     WHERE id = ?""")) {
            s.setObject(1, items.get(2));
            s.executeUpdate();
        }

        given().contentType("application/json")
                .body("{\"items\": [\"%s\", \"%s\", \"%s\"], \"note\": \"spam wave\"}".formatted(items.get(0), items.get(1), items.get(2)))
                .post("/api/v1/review/dismissals")
                .then().statusCode(200).body("dismissed.size()", equalTo(2));
        assertThat(column("SELECT state FROM review_item WHERE id = ?", items.get(2).toString())).isEqualTo("CLAIMED");
    }

    @Test
    void badIdsAndFiltersAreProblemsNotErrors() {
        given().get("/api/v1/review/items/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/review/items/{id}", UUID.randomUUID()).then().statusCode(404);
        given().get("/api/v1/review/queue?category=RUDE&from=yesterday").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.pointer", contains("?category", "?from"));
        given().contentType("application/json").body("{\"categories\": ").post("/api/v1/review/items/{id}/confirm",
                UUID.randomUUID()).then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/mentions/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void twentyReviewersClaimingAtOnceThroughTheApiGetTwentyDifferentItems() throws Exception {
        String handle = "@api20_" + Webhooks.uniqueExternalId();
        long mp = Queue.newMp(directory, handle);
        Queue.itemsOf(dataSource, Queue.deliverAndTriage(classification, triage, handle, Queue.THREAT, 20));
        List<StaffLogin.Session> reviewers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            StaffLogin.ensure("api-reviewer-" + i, Roles.REVIEWER);
            reviewers.add(StaffLogin.login("api-reviewer-" + i, StaffLogin.PASSWORD));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<String>> claims = new ArrayList<>();
            for (StaffLogin.Session reviewer : reviewers) {
                claims.add(pool.submit(() -> {
                    start.await();
                    return reviewer.given().post("/api/v1/review/queue/claim?mp=" + mp).then().statusCode(200)
                            .body("item.claimedBy", equalTo(reviewer.username())).extract().<String>path("item.id");
                }));
            }
            start.countDown();
            Set<String> items = new HashSet<>();
            for (Future<String> claim : claims) {
                items.add(claim.get());
            }
            assertThat(items).hasSize(20);
        } finally {
            pool.shutdownNow();
        }
        given().post("/api/v1/review/queue/claim?mp=" + mp).then().statusCode(204);
    }

    @Test
    void adminsSeeHowManyItemsEachReviewerReadToday() throws Exception {
        claimedItem("wellbeing");
        StaffLogin.as(Roles.ADMIN).given().get("/api/v1/review/wellbeing").then().statusCode(200)
                .body("breakAfter", equalTo(40))
                .body("today.find { it.reviewer == '%s' }.itemsSeen".formatted(rita.username()), greaterThanOrEqualTo(1));
        given().get("/api/v1/review/wellbeing").then().statusCode(403);
    }

    @Test
    void seenTodayCountsEachItemClaimedOrRevealedSinceMidnightOnce() throws Exception {
        String username = "seen-" + Webhooks.uniqueExternalId();
        StaffLogin.ensure(username, Roles.REVIEWER);
        StaffLogin.Session reviewer = StaffLogin.login(username, StaffLogin.PASSWORD);
        String handle = "@seen_" + Webhooks.uniqueExternalId();
        long mp = Queue.newMp(directory, handle);
        List<UUID> items = Queue.itemsOf(dataSource, Queue.deliverAndTriage(classification, triage, handle, Queue.THREAT, 3));
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO review_action (item_id, at, actor, action)
                     VALUES (?, now() - interval '1 day', ?, 'CLAIM')""")) {
            s.setObject(1, items.get(2));
            s.setString(2, username);
            s.executeUpdate();
        }

        String first = reviewer.given().post("/api/v1/review/queue/claim?mp=" + mp).then().statusCode(200)
                .body("seenToday", equalTo(1)).extract().path("item.id");
        reviewer.given().post("/api/v1/review/items/{id}/reveal", first).then().statusCode(200);
        reviewer.given().contentType("application/json").body("{}").post("/api/v1/review/items/{id}/dismiss", first)
                .then().statusCode(200).body("seenToday", equalTo(1));
        reviewer.given().post("/api/v1/review/queue/claim?mp=" + mp).then().statusCode(200)
                .body("seenToday", equalTo(2));
    }

    @Test
    void anAdminWithoutAReviewRoleCannotReadTheQueue() {
        StaffLogin.as(Roles.ADMIN).given().get("/api/v1/review/queue").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aDecisionWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        String item = claimedItem("csrf");
        rita.withoutCsrfToken().contentType("application/json").body("{}")
                .post("/api/v1/review/items/{id}/dismiss", item)
                .then().statusCode(403).contentType("application/problem+json");
        given().get("/api/v1/review/items/{id}", item).then().statusCode(200).body("item.state", equalTo("CLAIMED"));
    }

    private String claimedItem(String name) throws Exception {
        String handle = "@" + name + "_" + Webhooks.uniqueExternalId();
        long mp = Queue.newMp(directory, handle);
        Queue.itemsOf(dataSource, Queue.deliverAndTriage(classification, triage, handle, Queue.THREAT, 1));
        return given().post("/api/v1/review/queue/claim?mp=" + mp).then().statusCode(200)
                .body("item.claimedBy", equalTo(rita.username())).extract().path("item.id");
    }

    private String column(String sql, String id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getString(1);
            }
        }
    }
}
