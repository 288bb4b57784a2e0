package org.vigil.review;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.directory.MpDirectory;
import org.vigil.security.Roles;
import org.vigil.support.PagingChecks;
import org.vigil.support.Queue;
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
import java.util.Base64;
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
 * The review queue pages by keyset, through the API and on the page: walking every page shows each item exactly
 * once, most urgent first, with the filters kept, even where many items tie on priority, due time and age across a
 * page boundary, and while items are claimed, decided and queued between pages.
 */
@QuarkusTest
class QueuePagingTest {

    /** More than two pages of the web page (50 items), so every walk crosses at least two boundaries. */
    private static final int SEEDED = 107;
    /** Items sharing priority, due time and creation time; with pages of 10, 7 or 5, boundaries fall inside ties. */
    private static final int TIED = 9;
    private static final String API = ReviewResource.QUEUE_PATH;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    MpDirectory directory;

    @TestHTTPResource(value = "", management = true)
    URL management;

    private long mp;
    private long integration;
    private List<Seeded> seeded;
    private final Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    /** A seeded item and what the filters look at; {@code QUEUE_ORDER} is the order the queue promises. */
    private record Seeded(UUID id, int priority, Instant dueAt, Instant createdAt, String platform, String lang,
                          boolean violent, Instant postedAt) {
        // PostgreSQL orders UUIDs byte by byte, as their lower-case text sorts (UUID.compareTo does not).
        static final Comparator<Seeded> QUEUE_ORDER = Comparator.comparingInt(Seeded::priority)
                .thenComparing(Seeded::dueAt).thenComparing(Seeded::createdAt)
                .thenComparing(seeded -> seeded.id().toString());
    }

    /**
     * Seeds {@link #SEEDED} open items aimed at an MP of this test's own, in shuffled order, in groups of
     * {@link #TIED} that tie on priority, due time and creation time; keeps them in the order the queue promises.
     * They are stored as classification and triage leave them, without running either, so that the test sets every key.
     */
    @BeforeEach
    void seed() throws SQLException {
        String handle = "@paging" + UUID.randomUUID().toString().substring(0, 8);
        mp = Queue.newMp(directory, handle);
        List<Integer> order = new ArrayList<>(IntStream.range(0, SEEDED).boxed().toList());
        Collections.shuffle(order, new Random(SEEDED));
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO integration (name) VALUES (?) RETURNING id")) {
            s.setString(1, "queue-paging-" + UUID.randomUUID());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                integration = r.getLong(1);
            }
        }
        List<Seeded> items = new ArrayList<>();
        for (int n : order) {
            int group = n / TIED;
            Seeded item = new Seeded(UUID.randomUUID(), 1 + group % 4,
                    base.plus(group % 3, ChronoUnit.HOURS).plusMillis(123), base.minusSeconds(group % 2).plusNanos(456_000),
                    n % 2 == 0 ? "x" : "mastodon", n % 3 == 0 ? "fr" : "en", n % 5 != 0,
                    base.minus(n, ChronoUnit.MINUTES));
            insert(item, "Item " + n + " <script>alert(1)</script> & \"quoted\"");
            items.add(item);
        }
        seeded = items.stream().sorted(Seeded.QUEUE_ORDER).toList();
    }

    @Test
    void theApiWalksEveryItemOnceInOrderAcrossTies() {
        StaffLogin.Session reviewer = StaffLogin.as(Roles.REVIEWER);
        for (int limit : List.of(10, 7, ReviewResource.MAX_PAGE_SIZE)) {
            assertThat(walkApi(reviewer, API + "?mp=" + mp + "&limit=" + limit, () -> { }))
                    .as("pages of " + limit).isEqualTo(ids(item -> true));
        }
    }

    @Test
    void thePlaceHoldsWhileItemsAreClaimedDecidedAndQueuedBetweenPages() throws Exception {
        StaffLogin.Session reviewer = StaffLogin.as(Roles.REVIEWER);
        List<UUID> dismissed = new ArrayList<>();
        List<UUID> queuedBelow = new ArrayList<>();
        List<UUID> queuedAbove = new ArrayList<>();
        int[] page = {0};
        List<UUID> walked = walkApi(reviewer, API + "?mp=" + mp + "&limit=10", () -> {
            page[0]++;
            List<UUID> expected = ids(item -> true);
            // The latest page's first item is claimed: it stays in the queue (claimed) and must not come back.
            UUID claimed = expected.get((page[0] - 1) * 10);
            reviewer.given().post("/api/v1/review/items/{id}/claim", claimed).then().statusCode(200);
            // The last item still to come is decided: under OFFSET, every later page would then skip one.
            UUID decided = expected.stream().filter(id -> !dismissed.contains(id)).reduce((a, b) -> b).orElseThrow();
            if (expected.indexOf(decided) >= page[0] * 10) {
                reviewer.given().post("/api/v1/review/items/{id}/claim", decided).then().statusCode(200);
                reviewer.given().contentType("application/json").body("{}")
                        .post("/api/v1/review/items/{id}/dismiss", decided).then().statusCode(200);
                dismissed.add(decided);
            }
            // New items: one more urgent than everything (it shows from the top), one after everything.
            queuedAbove.add(queue(1, base.minus(1, ChronoUnit.DAYS)));
            queuedBelow.add(queue(4, base.plus(30, ChronoUnit.DAYS).plusSeconds(page[0])));
        });

        List<UUID> expected = new ArrayList<>(ids(item -> true));
        expected.removeAll(dismissed);
        expected.addAll(queuedBelow);
        assertThat(dismissed).as("items were decided ahead of the cursor").hasSizeGreaterThan(3);
        assertThat(walked).as("each item once, in order; the decided ones gone, the ones queued below added")
                .isEqualTo(expected).doesNotContainAnyElementsOf(queuedAbove);
        assertThat(reviewer.given().get(API + "?mp=" + mp + "&limit=" + queuedAbove.size()).then().statusCode(200)
                .extract().jsonPath().getList("items.row.item.id", String.class))
                .as("a fresh walk starts with the items queued above the cursor")
                .containsExactlyInAnyOrderElementsOf(queuedAbove.stream().map(UUID::toString).toList());
    }

    @Test
    void filtersCombineWithTheCursorAndStayInTheNextLink() {
        StaffLogin.Session reviewer = StaffLogin.as(Roles.REVIEWER);
        Instant from = base.minus(90, ChronoUnit.MINUTES);
        Instant to = base.minus(5, ChronoUnit.MINUTES);
        // In the order the next link writes them, which the walk checks.
        String search = API + "?mp=" + mp + "&category=VIOLENT&platform=x&lang=en&state=OPEN&from="
                + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8) + "&to="
                + URLEncoder.encode(to.toString(), StandardCharsets.UTF_8) + "&limit=5";
        List<UUID> expected = ids(item -> item.violent() && item.platform().equals("x") && item.lang().equals("en")
                && !item.postedAt().isBefore(from) && item.postedAt().isBefore(to));
        assertThat(expected).hasSizeGreaterThan(10);
        assertThat(walkApi(reviewer, search, () -> { })).isEqualTo(expected);

        assertThat(walkApi(reviewer, API + "?mp=" + mp + "&platform=mastodon&limit=7", () -> { }))
                .isEqualTo(ids(item -> item.platform().equals("mastodon")));
        assertThat(walkApi(reviewer, API + "?mp=" + mp + "&state=DISMISSED&limit=7", () -> { }))
                .as("a walk may be empty").isEmpty();
    }

    @Test
    void thePageWalksWithNextLinksKeepingTheFiltersEscaped() {
        StaffLogin.Session reviewer = StaffLogin.as(Roles.REVIEWER);
        Instant from = base.minus(1, ChronoUnit.DAYS);
        String top = "/review?mp=" + mp + "&from=" + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8);
        List<UUID> seen = new ArrayList<>();
        String html = page(reviewer, top);
        assertThat(link(html, "queue-top")).as("the top page links to no top").isNull();
        while (true) {
            seen.addAll(rows(html));
            String next = link(html, "next-page");
            if (next == null) {
                break;
            }
            assertThat(rows(html)).hasSize(50);
            assertThat(next).startsWith(top + "&cursor=");
            assertThat(html).as("the link is escaped in HTML").contains(
                    "href=\"" + top.replace("&", "&amp;") + "&amp;cursor=");
            html = page(reviewer, next);
            assertThat(link(html, "queue-top")).isEqualTo(top);
        }
        assertThat(seen).as("every seeded item once, in order").isEqualTo(ids(item -> true));
        assertThat(html).as("the mention text is escaped").contains("&lt;script&gt;")
                .doesNotContain("<script>alert");

        String second = link(page(reviewer, top), "next-page");
        reviewer.given().urlEncodingEnabled(false).cookie(Languages.COOKIE, "fr").get(second).then().statusCode(200)
                .body(containsString(">Page suivante</a>")).body(containsString(">Retour en tête de file</a>"));
        reviewer.given().urlEncodingEnabled(false).get(second).then().statusCode(200)
                .body(containsString(">Next page</a>")).body(containsString(">Back to the top</a>"))
                .body(not(containsString(">Previous page</a>")));
    }

    @Test
    void refusesAForeignMalformedOrOversizedCursorABadLimitAndAPageNumber() {
        StaffLogin.Session reviewer = StaffLogin.as(Roles.REVIEWER);
        String link = reviewer.given().get(API + "?mp=" + mp + "&limit=1").then().statusCode(200).extract().header("Link");
        String cursor = link.substring(link.indexOf("cursor=") + "cursor=".length(), link.indexOf('>'));
        String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        assertThat(key).as("the cursor of the first item").startsWith("QUEUE.1.").endsWith("." + seeded.get(0).id());

        String auditCursor = base64("AUDIT." + ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()) + ".1");
        for (String path : List.of(API, ReviewPageResource.PATH)) {
            refused(reviewer.given().queryParam("cursor", auditCursor).get(path), "?cursor");
            refused(reviewer.given().queryParam("cursor", "not-a-cursor").get(path), "?cursor")
                    .body("errors[0].detail", containsString("start again from the first page"));
            refused(reviewer.given().queryParam("cursor", base64(key.replaceFirst("^QUEUE\\.1\\.", "QUEUE.5.")))
                    .get(path), "?cursor");
            refused(reviewer.given().queryParam("cursor", base64(key.replaceFirst("^QUEUE\\.1\\.", "QUEUE.0.")))
                    .get(path), "?cursor");
            refused(reviewer.given().queryParam("cursor", base64(key.toUpperCase()))
                    .get(path), "?cursor");
            refused(reviewer.given().queryParam("cursor", base64(key + ".1")).get(path), "?cursor");
            refused(reviewer.given().queryParam("cursor", cursor + "A".repeat(3_000)).get(path), "?cursor");
            refused(reviewer.given().queryParam("cursor", cursor.substring(1)).queryParam("mp", mp).get(path),
                    "?cursor");
            refused(reviewer.given().queryParam("page", "1").get(path), "?page");
            reviewer.given().queryParam("page", "0").queryParam("mp", mp).get(path).then().statusCode(200);
        }
        refused(reviewer.given().queryParam("cursor", auditCursor).get(API), "?cursor")
                .body("errors[0].detail", equalTo("is a cursor of the AUDIT list, not of the QUEUE list"));
        for (String limit : List.of("0", "-1", "201", "abc", "1.5", "99999999999")) {
            refused(reviewer.given().queryParam("limit", limit).queryParam("cursor", cursor).get(API), "?limit")
                    .body("errors[0].detail", equalTo("must be a whole number from 1 to 200"));
        }
        reviewer.given().queryParam("limit", ReviewResource.MAX_PAGE_SIZE).get(API).then().statusCode(200);
    }

    @Test
    void theSortKeyHasNoNullableColumnForTheSeekToMeet() throws SQLException {
        // The seek is a plain row comparison: a NULL in any of these would make it unknown and lose rows.
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT column_name, is_nullable FROM information_schema.columns
                     WHERE table_name = 'review_item' AND column_name IN ('priority', 'due_at', 'created_at', 'id')""");
             ResultSet r = s.executeQuery()) {
            List<String> columns = new ArrayList<>();
            while (r.next()) {
                columns.add(r.getString(1) + " " + r.getString(2));
            }
            assertThat(columns).containsExactlyInAnyOrder("priority NO", "due_at NO", "created_at NO", "id NO");
        }
    }

    @Test
    void theReadmeAndTheOpenApiDescriptionStateThePageSizesAndTheLinkHeader() throws Exception {
        JsonPath api = RestAssured.given().accept("application/json")
                .get(management.toString().replaceAll("/+$", "") + "/openapi").then().statusCode(200)
                .extract().jsonPath();
        String queue = "paths.'/api/v1/review/queue'.get.";
        assertThat(api.getInt(queue + "parameters.find { it.name == 'limit' }.schema.maximum"))
                .isEqualTo(ReviewResource.MAX_PAGE_SIZE);
        assertThat(api.getString(queue + "parameters.find { it.name == 'cursor' }.description")).contains("Link header");
        assertThat(api.getString(queue + "parameters.find { it.name == 'page' }")).isNull();
        assertThat(api.getMap(queue + "responses.'200'.headers")).containsKey("Link");
        assertThat(api.getMap(queue + "responses.'422'")).isNotNull();
        assertThat(Files.readString(Path.of("README.md")))
                .contains("`GET /api/v1/review/queue?mp=&category=&platform=&lang=&state=&from=&to=&limit=&cursor=`")
                .contains("`limit` (1 to " + ReviewResource.MAX_PAGE_SIZE + ", default 50")
                .doesNotContain("&to=&page=`");
    }

    /** {@link PagingChecks#walkApi} over the queue API: the item ids shown, in order; pages are not numbered. */
    private static List<UUID> walkApi(StaffLogin.Session reviewer, String first, Runnable betweenPages) {
        return PagingChecks.walkApi(reviewer, first,
                page -> page.jsonPath().getList("items.row.item.id", String.class).stream().map(UUID::fromString).toList(),
                page -> assertThat(page.jsonPath().getString("page")).as("pages are no longer numbered").isNull(),
                betweenPages);
    }

    private List<UUID> ids(Predicate<Seeded> filter) {
        return seeded.stream().filter(filter).map(Seeded::id).toList();
    }

    /** Queues one more open item for this test's MP, as triage would, and returns its id. */
    private UUID queue(int priority, Instant dueAt) {
        Seeded item = new Seeded(UUID.randomUUID(), priority, dueAt, Instant.now(), "x", "en", true, base);
        try {
            insert(item, "Queued between pages");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return item.id();
    }

    private void insert(Seeded item, String text) throws SQLException {
        UUID mention = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO webhook_delivery (integration_id, webhook_id, received_at, body_sha256, body)
                    VALUES (?, ?, now(), '\\x00', '\\x00')""")) {
                s.setLong(1, integration);
                s.setString(2, mention.toString());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO mention (id, platform, external_id, integration_id, webhook_id, mp_id, text, posted_at,
                                         received_at, declared_lang, raw_sha256, state, model_version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, now(), ?, '\\x00', 'TRIAGED', 'paging-test')""")) {
                s.setObject(1, mention);
                s.setString(2, item.platform());
                s.setString(3, mention.toString());
                s.setLong(4, integration);
                s.setString(5, mention.toString());
                s.setLong(6, mp);
                s.setString(7, text);
                s.setTimestamp(8, Timestamp.from(item.postedAt()));
                s.setString(9, item.lang());
                s.executeUpdate();
            }
            // Every triaged mention that is not unclassifiable has a classification in force (rule trials read it).
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO mention_classification (mention_id, model_version, classified_at, lang, violent, racist,
                                                        sexist, labels, explanation)
                    VALUES (?, 'paging-test', now(), ?, ?, 0, ?, ?, '{}'::jsonb)""")) {
                s.setObject(1, mention);
                s.setString(2, item.lang());
                s.setDouble(3, item.violent() ? 0.9 : 0.1);
                s.setDouble(4, item.violent() ? 0.1 : 0.9);
                s.setArray(5, c.createArrayOf("text", new String[]{item.violent() ? "VIOLENT" : "SEXIST"}));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO review_item (id, mention_id, priority, due_at, created_at, entry_reason, model_categories)
                    VALUES (?, ?, ?, ?, ?, 'LABELLED', ?)""")) {
                s.setObject(1, item.id());
                s.setObject(2, mention);
                s.setInt(3, item.priority());
                s.setTimestamp(4, Timestamp.from(item.dueAt()));
                s.setTimestamp(5, Timestamp.from(item.createdAt()));
                s.setArray(6, c.createArrayOf("text", item.violent() ? new String[]{"VIOLENT"} : new String[]{"SEXIST"}));
                s.executeUpdate();
            }
        }
    }

    private static List<UUID> rows(String html) {
        return rowIds(html, "item-([0-9a-f-]{36})", UUID::fromString);
    }
}
