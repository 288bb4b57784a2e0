package org.vigil.escalation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.security.Roles;
import org.vigil.support.StaffLogin;
import org.vigil.triage.Priority;
import org.vigil.web.Languages;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.vigil.support.PagingChecks.link;
import static org.vigil.support.PagingChecks.refused;

/**
 * Each state's emails page by keyset, through the API and on the security page: walking every page shows each
 * email exactly once, newest first, even where several emails share a created time across a page boundary.
 */
@QuarkusTest
class EscalationEmailPagingTest {

    /** More than two pages of the security page per state, so every walk crosses at least two boundaries. */
    private static final int SEEDED_PER_STATE = 2 * EscalationOverview.ROWS + 7;
    /** Emails sharing one created time; with an API page of 10, page boundaries fall inside such ties. */
    private static final int SAME_TIME = 3;
    private static final int API_PAGE = 10;
    private static final Pattern LINK = Pattern.compile("<([^>]+)>; *rel=\"next\"");

    @Inject
    Escalations escalations;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource(value = "", management = true)
    URL management;

    private final String marker = "<paging-" + UUID.randomUUID();

    /** Where an email is in the order the lists promise: newest first, the higher id first among equal times. */
    private record Position(Instant createdAt, long id) {
        static final Comparator<Position> NEWEST_FIRST = Comparator.comparing(Position::createdAt)
                .thenComparingLong(Position::id).reversed();
    }

    @AfterEach
    void removeSeededEmails() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM escalation_outbox WHERE message_id LIKE ?")) {
            s.setString(1, marker + "%");
            s.executeUpdate();
        }
    }

    @Test
    void theApiWalksEveryPageOfEachStateShowingEachEmailOnceNewestFirst() throws SQLException {
        Map<OutboxState, List<Long>> seeded = seed();
        StaffLogin.Session session = StaffLogin.as(Roles.SECURITY);

        for (OutboxState state : OutboxState.values()) {
            List<Position> walked = new ArrayList<>();
            List<Long> seededSeen = new ArrayList<>();
            String next = "/api/v1/escalation/emails?state=" + state + "&limit=" + API_PAGE;
            while (next != null) {
                Response page = session.given().get(next).then().statusCode(200).extract().response();
                JsonPath emails = page.jsonPath();
                List<Long> ids = emails.getList("id", Long.class);
                assertThat(ids).as(next).isNotEmpty().hasSizeLessThanOrEqualTo(API_PAGE);
                assertThat(emails.getList("state", String.class)).as(next).containsOnly(state.name());
                for (int i = 0; i < ids.size(); i++) {
                    walked.add(new Position(Instant.parse(emails.getString("[" + i + "].createdAt")), ids.get(i)));
                    if (emails.getString("[" + i + "].messageId").startsWith(marker)) {
                        seededSeen.add(ids.get(i));
                    }
                }
                String link = page.header("Link");
                if (link == null) {
                    next = null;
                } else {
                    assertThat(ids).as("a page followed by another is full").hasSize(API_PAGE);
                    Matcher target = LINK.matcher(link);
                    assertThat(target.matches()).as(link).isTrue();
                    next = target.group(1);
                    assertThat(next).startsWith("/api/v1/escalation/emails?").contains("state=" + state)
                            .contains("limit=" + API_PAGE).contains("cursor=");
                }
            }
            assertThat(walked).as(state + ": strictly newest first, so no email twice")
                    .isSortedAccordingTo(Position.NEWEST_FIRST).doesNotHaveDuplicates();
            assertThat(seededSeen).as(state + ": every seeded email, in order").isEqualTo(seeded.get(state));
        }
    }

    @Test
    void thePageWalksEachListWithOlderLinksAndKeepsTheOtherListsWhereTheyAre() throws SQLException {
        Map<OutboxState, List<Long>> seeded = seed();
        StaffLogin.Session session = StaffLogin.as(Roles.SECURITY);

        for (OutboxState state : OutboxState.values()) {
            String list = state.name().toLowerCase() + "-emails";
            List<Long> seen = new ArrayList<>();
            String path = "/escalation";
            String html = page(session, path);
            assertThat(html).doesNotContain("id=\"" + list + "-newest\"");
            while (true) {
                seen.addAll(rows(html, list));
                String older = link(html, list + "-older");
                if (older == null) {
                    break;
                }
                assertThat(rows(html, list)).hasSize(EscalationOverview.ROWS);
                path = older;
                html = page(session, path);
                assertThat(link(html, list + "-newest")).isEqualTo("/escalation");
            }
            assertThat(seen).as(state + ": no email twice").doesNotHaveDuplicates();
            assertThat(seen.stream().filter(seeded.get(state)::contains).toList())
                    .as(state + ": every seeded email, in order").isEqualTo(seeded.get(state));
        }

        String sentOlder = link(page(session, "/escalation"), "sent-emails-older");
        String sentCursor = sentOlder.substring("/escalation?sent=".length());
        String html = page(session, sentOlder);
        String deadOlder = link(html, "dead-emails-older");
        assertThat(deadOlder).startsWith("/escalation?sent=" + sentCursor + "&dead=");
        assertThat(html).as("the link is escaped in HTML").contains("?sent=" + sentCursor + "&amp;dead=");
        html = page(session, deadOlder);
        assertThat(link(html, "dead-emails-newest")).isEqualTo("/escalation?sent=" + sentCursor);
        assertThat(link(html, "dead-emails-older")).startsWith("/escalation?sent=" + sentCursor + "&dead=");
        assertThat(link(html, "sent-emails-newest")).as("the sent list stays on its older page").isEqualTo("/escalation?dead="
                + deadOlder.substring(deadOlder.indexOf("&dead=") + "&dead=".length()));

        session.given().cookie(Languages.COOKIE, "fr").get(deadOlder).then().statusCode(200)
                .body(containsString(">Courriels plus anciens</a>"))
                .body(containsString(">Retour aux plus récents</a>"));
    }

    @Test
    void refusesACursorOfAnotherStateAMalformedOneAndABadLimitNamingTheParameter() throws SQLException {
        seed();
        StaffLogin.Session session = StaffLogin.as(Roles.SECURITY);
        String sentLink = session.given().get("/api/v1/escalation/emails?state=SENT&limit=1").then().statusCode(200)
                .extract().header("Link");
        String sentCursor = sentLink.substring(sentLink.indexOf("cursor=") + "cursor=".length(), sentLink.indexOf('>'));

        refused(session.given().queryParam("state", "DEAD").queryParam("cursor", sentCursor)
                .get("/api/v1/escalation/emails"), "?cursor")
                .body("errors[0].detail", equalTo("is a cursor of the SENT list, not of the DEAD list"));
        refused(session.given().queryParam("cursor", "not-a-cursor").get("/api/v1/escalation/emails"), "?cursor")
                .body("errors[0].detail", containsString("start again from the first page"));
        String beyondYear9999 = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("SENT.9223372036854775807.1".getBytes(StandardCharsets.UTF_8));
        refused(session.given().queryParam("cursor", beyondYear9999).get("/api/v1/escalation/emails"), "?cursor");
        for (String limit : List.of("0", "-1", "501", "abc", "1.5", "99999999999")) {
            refused(session.given().queryParam("limit", limit).get("/api/v1/escalation/emails"), "?limit")
                    .body("errors[0].detail", equalTo("must be a whole number from 1 to 500"));
        }
        session.given().get("/api/v1/escalation/emails?limit=" + EscalationResource.MAX_PAGE_SIZE).then().statusCode(200);
        refused(session.given().queryParam("dead", sentCursor).get("/escalation"), "?dead");
        refused(session.given().queryParam("pending", "%%%").get("/escalation"), "?pending");
    }

    @Test
    void theReadmeAndTheOpenApiDescriptionStateThePageSizes() throws Exception {
        JsonPath api = RestAssured.given().accept("application/json")
                .get(management.toString().replaceAll("/+$", "") + "/openapi").then().statusCode(200)
                .extract().jsonPath();
        String limit = "paths.'/api/v1/escalation/emails'.get.parameters.find { it.name == 'limit' }.schema.";
        assertThat(api.getInt(limit + "maximum")).isEqualTo(EscalationResource.MAX_PAGE_SIZE);
        assertThat(api.getInt(limit + "default")).isEqualTo(EscalationResource.DEFAULT_PAGE_SIZE);
        assertThat(Files.readString(Path.of("README.md"))).contains("`limit` (1 to "
                + EscalationResource.MAX_PAGE_SIZE + ", default " + EscalationResource.DEFAULT_PAGE_SIZE + ")");
    }

    /**
     * Seeds {@link #SEEDED_PER_STATE} emails in each state, written in shuffled order so that ids do not follow
     * created times; returns their ids per state in the order the lists promise.
     */
    private Map<OutboxState, List<Long>> seed() throws SQLException {
        UUID caseId = escalations.raise(escalations.classifiedMention("We will wait outside your office"), Priority.P2);
        // Recent enough that the seeded pending emails raise no outbox-lag alarm before they are removed.
        Instant newest = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.MINUTES);
        Map<OutboxState, List<Long>> seeded = new EnumMap<>(OutboxState.class);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO escalation_outbox (case_id, kind, recipient, lang, message_id, subject, text_body,
                                                    html_body, state, attempts, next_attempt_at, created_at, sent_at,
                                                    transport, last_error)
                     VALUES (?, 'ALERT', 'duty@security.test', 'en', ?, 'seeded for paging', 'text', '<p>html</p>',
                             ?, ?, ?, ?, ?, ?, ?)
                     RETURNING id""")) {
            for (OutboxState state : OutboxState.values()) {
                List<Integer> order = new ArrayList<>(IntStream.range(0, SEEDED_PER_STATE).boxed().toList());
                Collections.shuffle(order, new Random(state.ordinal()));
                List<Position> positions = new ArrayList<>();
                for (int n : order) {
                    Instant createdAt = newest.minusSeconds(n / SAME_TIME);
                    s.setObject(1, caseId);
                    s.setString(2, marker + "-" + state + "-" + n + "@localhost>");
                    s.setString(3, state.name());
                    s.setInt(4, state == OutboxState.DEAD ? 6 : state == OutboxState.SENT ? 1 : 0);
                    // A pending email due tomorrow stays pending: the relay leaves it alone while the test pages.
                    s.setTimestamp(5, Timestamp.from(state == OutboxState.PENDING
                            ? Instant.now().plus(1, ChronoUnit.DAYS) : createdAt));
                    s.setTimestamp(6, Timestamp.from(createdAt));
                    s.setTimestamp(7, state == OutboxState.SENT ? Timestamp.from(createdAt) : null);
                    s.setString(8, state == OutboxState.SENT ? "smtp" : null);
                    s.setString(9, state == OutboxState.DEAD ? "550 mailbox unavailable" : null);
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        positions.add(new Position(createdAt, r.getLong(1)));
                    }
                }
                seeded.put(state, positions.stream().sorted(Position.NEWEST_FIRST).map(Position::id).toList());
            }
        }
        return seeded;
    }

    private static String page(StaffLogin.Session session, String path) {
        return session.given().get(path).then().statusCode(200).extract().asString();
    }

    /** The ids of the emails in the table {@code list} of the page, top to bottom. */
    private static List<Long> rows(String html, String list) {
        Matcher table = Pattern.compile("<table id=\"" + list + "\">(.*?)</table>", Pattern.DOTALL).matcher(html);
        List<Long> ids = new ArrayList<>();
        if (table.find()) {
            Matcher row = Pattern.compile("<tr id=\"email-(\\d+)\">").matcher(table.group(1));
            while (row.find()) {
                ids.add(Long.parseLong(row.group(1)));
            }
        }
        return ids;
    }
}
