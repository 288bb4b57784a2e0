package org.vigil.escalation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.security.Roles;
import org.vigil.support.StaffLogin;
import org.vigil.triage.Priority;
import org.vigil.web.Languages;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.vigil.support.PagingChecks.base64;
import static org.vigil.support.PagingChecks.link;
import static org.vigil.support.PagingChecks.page;
import static org.vigil.support.PagingChecks.refused;
import static org.vigil.support.PagingChecks.rowIds;

/**
 * The security page's cases not resolved page by keyset: walking every page shows each case exactly once, open
 * first, then the most urgent and newest, even where many cases tie on state, priority and raise time across a
 * page boundary, and while cases are acknowledged or resolved between pages.
 */
@QuarkusTest
class CasePagingTest {

    /** More than two pages, so every walk crosses at least two boundaries. */
    private static final int SEEDED = 2 * EscalationOverview.ROWS + 7;
    /** Cases sharing one raise time within each state and priority, so page boundaries fall inside such ties. */
    private static final int SAME_TIME = 9;
    private static final Pattern SHOWN = Pattern.compile(
            "<p id=\"cases-shown\">(\\d+) unresolved cases in all; (\\d+) on this page\\.</p>");

    @Inject
    Escalations escalations;

    @Inject
    AgroalDataSource dataSource;

    private final String marker = "paging-" + UUID.randomUUID();

    /** Where a case is in the order the page promises; ids compare as PostgreSQL compares uuids (their text). */
    private record Position(UUID id, boolean taken, Priority priority, Instant raisedAt) {
        static final Comparator<Position> PAGE_ORDER = Comparator.comparing(Position::taken)
                .thenComparing(Position::priority)
                .thenComparing(Position::raisedAt, Comparator.reverseOrder())
                .thenComparing(position -> position.id().toString(), Comparator.reverseOrder());
    }

    @AfterEach
    void removeSeededCases() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM escalation_case WHERE raised_by = ?")) {
            s.setString(1, marker);
            s.executeUpdate();
        }
    }

    @Test
    void walksEveryPageShowingEachUnresolvedCaseOnceOpenFirstThenMostUrgentAndNewest() throws SQLException {
        List<UUID> seeded = seed();
        StaffLogin.Session session = StaffLogin.as(Roles.SECURITY);

        List<UUID> unresolvedBefore = unresolved();
        List<UUID> walked = new ArrayList<>();
        String html = page(session, "/escalation");
        assertThat(link(html, "cases-top")).as("the first page has no way back to itself").isNull();
        while (true) {
            List<UUID> rows = rowIds(html, "case-([0-9a-f-]{36})", UUID::fromString);
            walked.addAll(rows);
            String next = link(html, "cases-next");
            if (next == null) {
                break;
            }
            assertThat(rows).as("a page followed by another is full").hasSize(EscalationOverview.ROWS);
            assertThat(next).startsWith("/escalation?cases=");
            html = page(session, next);
            assertThat(link(html, "cases-top")).isEqualTo("/escalation");
        }

        assertThat(walked).as("no case twice").doesNotHaveDuplicates();
        assertThat(walked.stream().filter(seeded::contains).toList()).as("every seeded case, in order").isEqualTo(seeded);
        // Cases raised meanwhile may land on a page already read; none of those there before is missed.
        assertThat(walked).as("every case not resolved").containsAll(unresolvedBefore);
    }

    @Test
    void aCaseAcknowledgedOrResolvedBetweenPagesIsShownOnceInItsPlaceOrNoMore() throws SQLException {
        List<UUID> seeded = seed();
        List<UUID> open = seededOpen(seeded);
        StaffLogin.Session session = StaffLogin.as(Roles.SECURITY);

        List<UUID> walked = new ArrayList<>();
        // Between two pages: a case already shown is taken (it now sorts after every open case, below the cursor),
        // then the last two open cases not shown yet: one is taken, one resolved.
        List<UUID> acknowledged = new ArrayList<>();
        Optional<UUID> resolved = Optional.empty();
        String html = page(session, "/escalation");
        while (true) {
            List<UUID> rows = rowIds(html, "case-([0-9a-f-]{36})", UUID::fromString);
            walked.addAll(rows);
            String next = link(html, "cases-next");
            if (next == null) {
                break;
            }
            List<UUID> openAhead = open.stream().filter(id -> !walked.contains(id)).toList();
            if (acknowledged.isEmpty() && rows.stream().anyMatch(open::contains) && openAhead.size() >= 3) {
                acknowledged.add(rows.stream().filter(open::contains).findFirst().orElseThrow());
                acknowledged.add(openAhead.get(openAhead.size() - 2));
                resolved = Optional.of(openAhead.get(openAhead.size() - 1));
                acknowledged.forEach(id -> act(session, id, "acknowledge"));
                act(session, resolved.get(), "resolve");
            }
            html = page(session, next);
        }

        assertThat(resolved).as("a page showed a seeded open case, with more after it").isPresent();
        UUID resolvedAhead = resolved.get();
        assertThat(walked).as("no case twice, the one taken after it was shown included").doesNotHaveDuplicates();
        assertThat(walked.stream().filter(seeded::contains).toList())
                .as("every seeded case in its place, but the one resolved before it was reached")
                .isEqualTo(seeded.stream().filter(id -> !id.equals(resolvedAhead)).toList());

        List<UUID> fromTheTop = walk(session);
        UUID lastStillOpen = open.stream().filter(id -> !acknowledged.contains(id) && !id.equals(resolvedAhead))
                .reduce((earlier, later) -> later).orElseThrow();
        assertThat(fromTheTop).as("read again from the top, the cases taken meanwhile are among the taken ones")
                .doesNotContain(resolvedAhead)
                .containsSubsequence(lastStillOpen, acknowledged.get(0))
                .containsSubsequence(lastStillOpen, acknowledged.get(1));
    }

    @Test
    void eachPageSaysHowManyCasesAreUnresolvedInAllAndLinksInEnglishAndFrench() throws SQLException {
        seed();
        StaffLogin.Session session = StaffLogin.as(Roles.SECURITY);

        int before = unresolved().size();
        String first = page(session, "/escalation");
        String second = page(session, link(first, "cases-next"));
        int after = unresolved().size();
        for (String html : List.of(first, second)) {
            Matcher shown = SHOWN.matcher(html);
            assertThat(shown.find()).as(html).isTrue();
            assertThat(Integer.parseInt(shown.group(1))).isBetween(before, after).isGreaterThan(EscalationOverview.ROWS);
            assertThat(Integer.parseInt(shown.group(2))).isEqualTo(EscalationOverview.ROWS);
        }
        assertThat(first).contains(">Next page of cases</a>").doesNotContain("Back to the top of the cases");
        assertThat(second).contains(">Next page of cases</a>").contains(">Back to the top of the cases</a>");

        session.given().cookie(Languages.COOKIE, "fr").urlEncodingEnabled(false).get(link(first, "cases-next"))
                .then().statusCode(200)
                .body(containsString(" dossiers non résolus en tout ; " + EscalationOverview.ROWS + " sur cette page."))
                .body(containsString(">Page suivante des dossiers</a>"))
                .body(containsString(">Retour au début des dossiers</a>"));
    }

    @Test
    void pagingTheCasesKeepsTheEmailListsWhereTheyAreAndTheLinksStayEncoded() throws SQLException {
        seed();
        StaffLogin.Session session = StaffLogin.as(Roles.SECURITY);
        String casesNext = link(page(session, "/escalation"), "cases-next");
        String casesCursor = casesNext.substring("/escalation?cases=".length());
        String sentCursor = base64("SENT.1700000000000000.1");

        String html = page(session, "/escalation?cases=" + casesCursor + "&sent=" + sentCursor);
        assertThat(link(html, "cases-top")).isEqualTo("/escalation?sent=" + sentCursor);
        assertThat(link(html, "cases-next")).startsWith("/escalation?cases=").endsWith("&sent=" + sentCursor);
        assertThat(html).as("the links are escaped in HTML").contains("&amp;sent=" + sentCursor + "#cases-heading\"")
                .contains("href=\"/escalation?cases=" + casesCursor + "#sent-emails-heading\"");
    }

    @Test
    void actingOnACaseReturnsToThePageItWasOnWithEveryListInPlace() throws SQLException {
        List<UUID> open = seededOpen(seed());
        StaffLogin.Session session = StaffLogin.as(Roles.SECURITY);
        String casesNext = link(page(session, "/escalation"), "cases-next");
        String sentCursor = base64("SENT.1700000000000000.1");
        String here = casesNext + "&sent=" + sentCursor;
        String html = page(session, here);
        UUID taken = rowIds(html, "case-([0-9a-f-]{36})", UUID::fromString).stream().filter(open::contains)
                .findFirst().orElseThrow();
        Matcher form = Pattern.compile("<form method=\"post\" action=\"(/escalation/cases/" + taken
                + "/acknowledge[^\"]*)\"").matcher(html);
        assertThat(form.find()).as("the acknowledge form of an open case on the second page").isTrue();
        String action = form.group(1).replace("&amp;", "&");
        assertThat(action).endsWith(here.substring("/escalation".length()));

        session.given().urlEncodingEnabled(false).contentType("application/x-www-form-urlencoded").post(action)
                .then().statusCode(303).header("Location", endsWith(here + "&done=true"));
        assertThat(escalations.single("SELECT state FROM escalation_case WHERE id = ?", taken))
                .isEqualTo(CaseState.ACKNOWLEDGED.name());
        session.given().urlEncodingEnabled(false).contentType("application/x-www-form-urlencoded")
                .post("/escalation/cases/" + taken + "/resolve?cases=not-a-cursor").then().statusCode(422);
        assertThat(escalations.single("SELECT state FROM escalation_case WHERE id = ?", taken))
                .as("a refused position changes nothing").isEqualTo(CaseState.ACKNOWLEDGED.name());
    }

    @Test
    void refusesACursorOfAnotherListOrAMalformedOneNamingTheParameter() throws SQLException {
        seed();
        StaffLogin.Session session = StaffLogin.as(Roles.SECURITY);
        String casesNext = link(page(session, "/escalation"), "cases-next");
        String casesCursor = casesNext.substring("/escalation?cases=".length());

        refused(session.given().queryParam("cases", base64("SENT.1700000000000000.1")).get("/escalation"), "?cases")
                .body("errors[0].detail", equalTo("is a cursor of the SENT list, not of the CASES list"));
        refused(session.given().queryParam("sent", casesCursor).get("/escalation"), "?sent")
                .body("errors[0].detail", equalTo("is a cursor of the CASES list, not of the SENT list"));
        refused(session.given().queryParam("cases", "not-a-cursor").get("/escalation"), "?cases")
                .body("errors[0].detail", containsString("start again from the first page"));
        UUID id = UUID.randomUUID();
        for (String wrong : List.of("CASES.1700000000000000.2.1.1700000000000000." + id,
                "CASES.1700000000000000.0.5.1700000000000000." + id,
                "CASES.1700000000000000.0.1.1700000000000000." + id.toString().toUpperCase(),
                "CASES.1700000000000000.0.1.1700000000000000",
                "CASES.9223372036854775807.0.1.1700000000000000." + id)) {
            refused(session.given().queryParam("cases", base64(wrong)).get("/escalation"), "?cases");
        }
    }

    /**
     * Seeds {@link #SEEDED} unresolved cases of one mention, in every priority, a fifth acknowledged, in groups
     * tied on their raise time, written in shuffled order; returns their ids in the order the page promises.
     */
    private List<UUID> seed() throws SQLException {
        UUID mentionId = escalations.classifiedMention("We know where your constituency office is");
        Instant newest = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
        List<Integer> order = new ArrayList<>();
        for (int n = 0; n < SEEDED; n++) {
            order.add(n);
        }
        Collections.shuffle(order, new Random(SEEDED));
        List<Position> positions = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO escalation_case (id, item_id, mention_id, priority, raised_by, raised_at, last_alert_at,
                                                  state, acknowledged_at, acknowledged_by, alert)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{"mpName": "<b>Seeded</b> MP", "category": "VIOLENT"}')""")) {
            for (int n : order) {
                UUID id = UUID.randomUUID();
                boolean taken = n % 5 == 0;
                Priority priority = Priority.values()[n % Priority.values().length];
                Instant raisedAt = newest.minusSeconds(n / (SAME_TIME * Priority.values().length));
                s.setObject(1, id);
                s.setObject(2, UUID.randomUUID());
                s.setObject(3, mentionId);
                s.setInt(4, priority.rank());
                s.setString(5, marker);
                s.setTimestamp(6, Timestamp.from(raisedAt));
                // Never due for a further tier while the test pages: no tier email ties the case to the outbox.
                s.setTimestamp(7, Timestamp.from(Instant.now().plus(1, ChronoUnit.DAYS)));
                s.setString(8, taken ? CaseState.ACKNOWLEDGED.name() : CaseState.OPEN.name());
                s.setTimestamp(9, taken ? Timestamp.from(raisedAt) : null);
                s.setString(10, taken ? "security" : null);
                s.executeUpdate();
                positions.add(new Position(id, taken, priority, raisedAt));
            }
        }
        return positions.stream().sorted(Position.PAGE_ORDER).map(Position::id).toList();
    }

    /** The ids of every case on every page, following the next-page links from the top. */
    private static List<UUID> walk(StaffLogin.Session session) {
        List<UUID> walked = new ArrayList<>();
        for (String next = "/escalation"; next != null; ) {
            String html = page(session, next);
            walked.addAll(rowIds(html, "case-([0-9a-f-]{36})", UUID::fromString));
            next = link(html, "cases-next");
        }
        return walked;
    }

    private List<UUID> seededOpen(List<UUID> seeded) {
        List<String> open = escalations.column(
                "SELECT id::text FROM escalation_case WHERE id = ANY (?) AND state = 'OPEN'", seeded.toArray(UUID[]::new));
        return seeded.stream().filter(id -> open.contains(id.toString())).toList();
    }

    private List<UUID> unresolved() {
        return escalations.column("SELECT id::text FROM escalation_case WHERE state <> ?", "RESOLVED").stream()
                .map(UUID::fromString).toList();
    }

    private static void act(StaffLogin.Session session, UUID caseId, String action) {
        session.given().post("/api/v1/escalation/cases/" + caseId + "/" + action).then().statusCode(204);
    }
}
