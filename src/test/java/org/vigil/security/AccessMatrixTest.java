package org.vigil.security;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.vigil.support.StaffLogin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint against every role and anonymous, as {@code access-matrix.txt} (documented in README.md) says. */
@QuarkusTest
class AccessMatrixTest {

    /** The API description is served on the management interface. */
    @TestHTTPResource(value = "", management = true)
    URL management;

    private static final List<String> WHO = List.of("anonymous", Roles.REVIEWER, Roles.SECURITY, Roles.ADMIN);
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String WEBHOOKS = "/api/v1/webhooks/";
    /** Ids that exist nowhere: a request that passes the checks is answered 404, and changes nothing. */
    private static final String MISSING_ID = "999999999";

    record Row(String method, String path, List<String> outcomes) {
        String concretePath() {
            return path.replace("{integration}", "test").replace("{slug}", "not-found")
                    .replaceAll("\\{[^}]+}", MISSING_ID);
        }
    }

    private static List<Row> rows;
    private static Map<String, StaffLogin.Session> sessions;
    private static String anonymousCsrfToken;

    /** Static state built once, lazily: RestAssured knows the test port only once a test runs. */
    private static synchronized void readMatrixAndLogIn() throws IOException {
        if (rows != null) {
            return;
        }
        rows = new ArrayList<>();
        try (InputStream in = AccessMatrixTest.class.getResourceAsStream("/access-matrix.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] columns = trimmed.split("\\s+");
                assertThat(columns).as("line: " + line).hasSize(2 + WHO.size());
                rows.add(new Row(columns[0], columns[1], List.of(columns).subList(2, columns.length)));
            }
        }
        sessions = Map.of(Roles.REVIEWER, StaffLogin.as(Roles.REVIEWER), Roles.SECURITY, StaffLogin.as(Roles.SECURITY),
                Roles.ADMIN, StaffLogin.as(Roles.ADMIN));
        anonymousCsrfToken = RestAssured.given().get("/login").getCookie(CsrfToken.COOKIE);
    }

    private static RequestSpecification as(String who, boolean withCsrfToken) {
        RequestSpecification request;
        if (who.equals("anonymous")) {
            request = RestAssured.given().redirects().follow(false);
            if (withCsrfToken) {
                request = request.cookie(CsrfToken.COOKIE, anonymousCsrfToken).header(CsrfToken.HEADER, anonymousCsrfToken);
            }
        } else {
            request = withCsrfToken ? sessions.get(who).given() : sessions.get(who).withoutCsrfToken();
        }
        return request;
    }

    private static Response send(Row row, RequestSpecification request) {
        if (UNSAFE.contains(row.method())) {
            request = row.path().startsWith("/api/")
                    ? request.contentType("application/json").body("{}")
                    : request.contentType("application/x-www-form-urlencoded").formParam("ignored", "x");
        }
        return request.request(row.method(), row.concretePath());
    }

    /** What the access checks need of an answer. */
    record Answer(int status, String contentType, String location) {
        static Answer of(Response response) {
            return new Answer(response.statusCode(), String.valueOf(response.contentType()),
                    String.valueOf(response.header("Location")));
        }
    }

    /**
     * Asks a server-sent events endpoint: its answer's head is enough, and reading the body would wait
     * for ever, so the stream is closed as soon as the status is known.
     */
    private static Answer openStream(Row row, String who) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                + row.concretePath())).header("Accept", "text/event-stream");
        if (!who.equals("anonymous")) {
            request.header("Cookie", StaffLogin.SESSION_COOKIE + "=" + sessions.get(who).cookie());
        }
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return new Answer(response.statusCode(), response.headers().firstValue("content-type").orElse(""),
                response.headers().firstValue("location").orElse(""));
    }

    private static Answer ask(Row row, String who) throws Exception {
        return row.path().endsWith("/events") ? openStream(row, who) : Answer.of(send(row, as(who, true)));
    }

    private static void check(Row row, String who, String expected, Answer response) {
        String description = row.method() + " " + row.path() + " as " + who + " answered " + response.status()
                + " " + response.location();
        boolean toLogin = response.status() == 303 && response.location().endsWith("/login");
        switch (expected) {
            case "ok" -> assertThat(response.status() != 401 && response.status() != 403 && !toLogin
                    && response.status() < 500).as(description).isTrue();
            case "login" -> assertThat(toLogin).as(description).isTrue();
            case "401", "403" -> {
                assertThat(response.status()).as(description).isEqualTo(Integer.parseInt(expected));
                if (row.path().startsWith("/api/")) {
                    assertThat(response.contentType()).as(description).startsWith("application/problem+json");
                }
            }
            default -> throw new IllegalArgumentException("Unknown outcome " + expected + " in access-matrix.txt");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryRoleAsTheMatrixSays() throws IOException {
        readMatrixAndLogIn();
        return rows.stream().flatMap(row -> WHO.stream().map(who -> DynamicTest.dynamicTest(
                row.method() + " " + row.path() + " as " + who,
                () -> check(row, who, row.outcomes().get(WHO.indexOf(who)), ask(row, who)))));
    }

    @TestFactory
    Stream<DynamicTest> everyStateChangingEndpointRefusesARequestWithoutTheCsrfToken() throws IOException {
        readMatrixAndLogIn();
        return rows.stream()
                .filter(row -> UNSAFE.contains(row.method()) && !row.path().startsWith(WEBHOOKS))
                .map(row -> DynamicTest.dynamicTest(row.method() + " " + row.path(), () -> {
                    String allowed = WHO.get(row.outcomes().indexOf("ok"));
                    Response response = send(row, as(allowed, false));
                    assertThat(response.statusCode()).as(row.method() + " " + row.path() + " as " + allowed)
                            .isEqualTo(403);
                }));
    }

    @Test
    void isTheMatrixThatTheReadmeShows() throws IOException {
        readMatrixAndLogIn();
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        for (Row row : rows) {
            assertThat(readme).contains("| " + row.method() + " | `" + row.path() + "` | " + String.join(" | ", row.outcomes()) + " |");
        }
    }

    @Test
    void listsEveryOperationOfTheOpenApiDescription() throws IOException {
        readMatrixAndLogIn();
        JsonPath openApi = RestAssured.given().accept("application/json")
                .get(management.toString().replaceAll("/+$", "") + "/openapi").then().statusCode(200)
                .extract().jsonPath();
        Set<String> documented = new TreeSet<>();
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(method -> Set.of("get", "post", "put", "patch", "delete").contains(method))
                .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        Set<String> inMatrix = new TreeSet<>();
        rows.forEach(row -> inMatrix.add(row.method() + " " + row.path()));

        assertThat(inMatrix).containsAll(documented);
    }
}
