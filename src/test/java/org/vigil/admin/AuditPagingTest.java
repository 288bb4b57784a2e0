package org.vigil.admin;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.audit.AuditLog;
import org.vigil.audit.AuditQuery;
import org.vigil.security.Roles;
import org.vigil.support.PagingChecks;
import org.vigil.support.StaffLogin;
import org.vigil.web.Languages;

import java.net.URL;
import java.net.URLEncoder;
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
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.vigil.support.PagingChecks.base64;
import static org.vigil.support.PagingChecks.link;
import static org.vigil.support.PagingChecks.page;
import static org.vigil.support.PagingChecks.rowIds;
import static org.vigil.support.PagingChecks.refused;

/**
 * The audit log pages by keyset, through the API and on the page: walking every page shows each event exactly
 * once, newest first, with the filters kept, even where several events share a time across a page boundary and
 * while new events are recorded between pages.
 */
@QuarkusTest
class AuditPagingTest {

    /** More than two pages of the page, so every walk crosses at least two boundaries. */
    private static final int SEEDED = 2 * AuditAdminResource.DEFAULT_PAGE_SIZE + 7;
    /** Events sharing one time; with API pages of 10, 7 or 5, page boundaries fall inside such ties. */
    private static final int SAME_TIME = 3;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog audit;

    @TestHTTPResource(value = "", management = true)
    URL management;

    /** The audit log refuses deletes, so each test's events carry an actor of their own; hostile, to test escaping. */
    private final String actor = "paging-" + UUID.randomUUID() + " <b>\"{x}&é";
    private final String actorQuery = "actor=" + URLEncoder.encode(actor, StandardCharsets.UTF_8);
    private List<Seeded> seeded;

    /** A seeded event and what the filters look at; {@code NEWEST_FIRST} is the order the log promises. */
    private record Seeded(long id, Instant occurredAt, String action, String objectId) {
        static final Comparator<Seeded> NEWEST_FIRST = Comparator.comparing(Seeded::occurredAt)
                .thenComparingLong(Seeded::id).reversed();
    }

    /**
     * Seeds {@link #SEEDED} events, written in shuffled order so that ids do not follow times, an hour ago and
     * older; keeps them in the order the log promises.
     */
    @BeforeEach
    void seed() throws SQLException {
        Instant newest = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
        List<Integer> order = new ArrayList<>(IntStream.range(0, SEEDED).boxed().toList());
        Collections.shuffle(order, new Random(SEEDED));
        List<Seeded> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO audit_event (occurred_at, actor, action, object_type, object_id, after)
                     VALUES (?, ?, ?, 'paging-test', ?, '{"seeded": true}'::jsonb) RETURNING id""")) {
            for (int n : order) {
                Instant at = newest.minusSeconds(n / SAME_TIME);
                String action = n % 2 == 0 ? "test.page.even" : "test.page.odd";
                String objectId = "o" + n % 4;
                s.setTimestamp(1, Timestamp.from(at));
                s.setString(2, actor);
                s.setString(3, action);
                s.setString(4, objectId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    events.add(new Seeded(r.getLong(1), at, action, objectId));
                }
            }
        }
        seeded = events.stream().sorted(Seeded.NEWEST_FIRST).toList();
    }

    @Test
    void theApiWalksEveryEventOnceNewestFirstWhileNewEventsAreRecorded() {
        StaffLogin.Session admin = StaffLogin.as(Roles.ADMIN);
        Runnable recordANewEvent = () -> audit.recordAs(actor, "test.page.new", "paging-test", "new", null, null);
        List<Long> walked = walkApi(admin, "/api/v1/admin/audit?" + actorQuery + "&limit=10", recordANewEvent);
        recordANewEvent.run(); // one new event after each page read, the last one included

        assertThat(walked).as("every seeded event once, in order; none recorded meanwhile (they are newer)")
                .isEqualTo(ids(event -> true));
        admin.given().urlEncodingEnabled(false).get("/api/v1/admin/audit?" + actorQuery + "&limit=10")
                .then().statusCode(200).body("events[0].action", equalTo("test.page.new"))
                .body("events.findAll { it.action == 'test.page.new' }.size()", equalTo(10))
                .body("hasMore", equalTo(true)).body("page", equalTo(null));
    }

    @Test
    void filtersCombineWithTheCursorAndStayInTheNextLink() {
        StaffLogin.Session admin = StaffLogin.as(Roles.ADMIN);
        assertThat(walkApi(admin, "/api/v1/admin/audit?" + actorQuery + "&action=test.page.even&limit=7", () -> { }))
                .isEqualTo(ids(event -> event.action().equals("test.page.even")));

        Instant from = seeded.get(seeded.size() - 1).occurredAt().plusSeconds(5);
        Instant to = seeded.get(0).occurredAt().minusSeconds(5);
        // In the order the next link writes them, which the walk checks.
        String search = "/api/v1/admin/audit?" + actorQuery + "&objectType=paging-test&objectId=o1&from="
                + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8) + "&to="
                + URLEncoder.encode(to.toString(), StandardCharsets.UTF_8) + "&limit=5";
        List<Long> expected = ids(event -> event.objectId().equals("o1") && !event.occurredAt().isBefore(from)
                && event.occurredAt().isBefore(to));
        assertThat(expected).hasSizeGreaterThan(10);
        assertThat(walkApi(admin, search, () -> { })).isEqualTo(expected);
    }

    @Test
    void thePageWalksWithOlderEventsLinksKeepingTheFiltersEscaped() {
        StaffLogin.Session admin = StaffLogin.as(Roles.ADMIN);
        String newest = "/admin/audit?" + actorQuery;
        List<Long> seen = new ArrayList<>();
        String path = newest;
        String html = page(admin, path);
        assertThat(link(html, "newest")).as("the first page links to no newer one").isNull();
        while (true) {
            seen.addAll(rows(html));
            String older = link(html, "older");
            if (older == null) {
                break;
            }
            assertThat(rows(html)).hasSize(AuditAdminResource.DEFAULT_PAGE_SIZE);
            assertThat(older).startsWith(newest + "&cursor=");
            assertThat(html).as("the link is escaped in HTML").contains(
                    "href=\"" + newest.replace("&", "&amp;") + "&amp;cursor=");
            path = older;
            html = page(admin, path);
            assertThat(link(html, "newest")).isEqualTo(newest);
        }
        assertThat(seen).as("every seeded event once, in order").isEqualTo(ids(event -> true));
        assertThat(html).as("the actor is escaped").contains("paging-").contains("&lt;b&gt;&quot;{x}&amp;é")
                .doesNotContain("<b>\"");

        String second = link(page(admin, newest), "older");
        admin.given().urlEncodingEnabled(false).cookie(Languages.COOKIE, "fr").get(second).then().statusCode(200)
                .body(containsString(">Événements plus anciens</a>"))
                .body(containsString(">Retour aux plus récents</a>"));
        admin.given().urlEncodingEnabled(false).get(second).then().statusCode(200)
                .body(containsString(">Older events</a>")).body(containsString(">Back to the newest</a>"))
                .body(not(containsString(">Newer</a>")));
    }

    @Test
    void refusesAForeignMalformedOrOversizedCursorABadLimitAndAPageNumber() {
        StaffLogin.Session admin = StaffLogin.as(Roles.ADMIN);
        String link = admin.given().urlEncodingEnabled(false).get("/api/v1/admin/audit?" + actorQuery + "&limit=1")
                .then().statusCode(200).extract().header("Link");
        String cursor = link.substring(link.indexOf("cursor=") + "cursor=".length(), link.indexOf('>'));

        String sentEmails = base64("SENT." + ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()) + ".1");
        refused(admin.given().queryParam("cursor", sentEmails).get("/api/v1/admin/audit"), "?cursor")
                .body("errors[0].detail", equalTo("is a cursor of the SENT list, not of the AUDIT list"));
        refused(admin.given().queryParam("cursor", "not-a-cursor").get("/api/v1/admin/audit"), "?cursor")
                .body("errors[0].detail", containsString("start again from the first page"));
        refused(admin.given().queryParam("cursor", base64("AUDIT.9223372036854775807.1")).get("/api/v1/admin/audit"),
                "?cursor");
        refused(admin.given().queryParam("cursor", base64("AUDIT.0.0")).get("/api/v1/admin/audit"), "?cursor");
        refused(admin.given().queryParam("cursor", cursor + "A".repeat(3_000)).get("/api/v1/admin/audit"), "?cursor");
        refused(admin.given().queryParam("cursor", cursor.substring(1)).queryParam("actor", actor)
                .get("/admin/audit"), "?cursor");
        for (String limit : List.of("0", "-1", "201", "abc", "1.5", "99999999999")) {
            refused(admin.given().queryParam("limit", limit).queryParam("cursor", cursor).get("/api/v1/admin/audit"),
                    "?limit").body("errors[0].detail", equalTo("must be a whole number from 1 to 200"));
        }
        admin.given().queryParam("limit", AuditQuery.MAX_PAGE_SIZE).get("/api/v1/admin/audit").then().statusCode(200);
        for (String path : List.of("/api/v1/admin/audit", "/admin/audit")) {
            refused(admin.given().queryParam("page", "1").get(path), "?page");
            admin.given().queryParam("page", "0").get(path).then().statusCode(200);
        }
    }

    @Test
    void theReadmeAndTheOpenApiDescriptionStateThePageSizesAndTheLinkHeader() throws Exception {
        JsonPath api = RestAssured.given().accept("application/json")
                .get(management.toString().replaceAll("/+$", "") + "/openapi").then().statusCode(200)
                .extract().jsonPath();
        String search = "paths.'/api/v1/admin/audit'.get.";
        String limit = search + "parameters.find { it.name == 'limit' }.schema.";
        assertThat(api.getInt(limit + "maximum")).isEqualTo(AuditQuery.MAX_PAGE_SIZE);
        assertThat(api.getInt(limit + "default")).isEqualTo(AuditAdminResource.DEFAULT_PAGE_SIZE);
        assertThat(api.getString(search + "parameters.find { it.name == 'cursor' }.description")).contains("Link header");
        assertThat(api.getString(search + "parameters.find { it.name == 'page' }")).isNull();
        assertThat(api.getMap(search + "responses.'200'.headers")).containsKey("Link");
        assertThat(api.getMap(search + "responses.'422'")).isNotNull();
        assertThat(Files.readString(Path.of("README.md"))).contains("`GET /api/v1/admin/audit?actor=&action=&objectType=&objectId=&from=&to=`")
                .contains("`limit` (1 to " + AuditQuery.MAX_PAGE_SIZE + ", default " + AuditAdminResource.DEFAULT_PAGE_SIZE + ")");
    }

    /** {@link PagingChecks#walkApi} over the audit API: the event ids shown, in order; no page is empty. */
    private static List<Long> walkApi(StaffLogin.Session admin, String first, Runnable betweenPages) {
        return PagingChecks.walkApi(admin, first, page -> page.jsonPath().getList("events.id", Long.class),
                page -> assertThat(page.jsonPath().getList("events.id")).as("a page of events").isNotEmpty(),
                betweenPages);
    }

    private List<Long> ids(Predicate<Seeded> filter) {
        return seeded.stream().filter(filter).map(Seeded::id).toList();
    }

    private static List<Long> rows(String html) {
        return rowIds(html, "event-(\\d+)", Long::parseLong);
    }
}
