package org.vigil.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** What the tests of every keyset-paged list (queue, audit log, security emails) check the same way. */
public final class PagingChecks {

    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>; *rel=\"next\"");

    private PagingChecks() {
    }

    /** A 422 invalid-fields problem whose first error names {@code pointer} ({@code ?cursor}, {@code ?limit}...). */
    public static ValidatableResponse refused(Response answer, String pointer) {
        return answer.then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-fields"))
                .body("errors[0].pointer", equalTo(pointer));
    }

    /** The same check for a fuzz test, with {@code replay} (seed, request, input) in every failure message. */
    public static void assertRefused(Response answer, String pointer, String replay) {
        String context = replay + ": " + answer.asString();
        assertThat(answer.statusCode()).as(context).isEqualTo(422);
        assertThat(answer.contentType()).as(context).startsWith("application/problem+json");
        assertThat(answer.jsonPath().getString("type")).as(context).isEqualTo("/problems/invalid-fields");
        assertThat(answer.jsonPath().getString("errors[0].pointer")).as(context).isEqualTo(pointer);
    }

    /** A staff page at {@code path}, a link taken from another page (already URL-encoded), which must answer 200. */
    public static String page(StaffLogin.Session session, String path) {
        return session.given().urlEncodingEnabled(false).get(path).then().statusCode(200).extract().asString();
    }

    /** The ids of the page's table rows, top to bottom: {@code idPattern}'s first group in each {@code <tr id="...">}. */
    public static <T> List<T> rowIds(String html, String idPattern, Function<String, T> parse) {
        Matcher row = Pattern.compile("<tr id=\"" + idPattern + "\"").matcher(html);
        List<T> ids = new ArrayList<>();
        while (row.find()) {
            ids.add(parse.apply(row.group(1)));
        }
        return ids;
    }

    /**
     * Follows the {@code Link: rel="next"} headers of a paged API from {@code first} (a path with its query and
     * {@code limit}) to the last page, running {@code betweenPages} between two pages. Checks every page: at most
     * {@code limit} rows, full when another follows, {@code hasMore} exactly when there is a link, the link the same
     * search one page on, and {@code eachPage}'s own checks; returns the ids shown, in order, each once.
     */
    public static <T> List<T> walkApi(StaffLogin.Session session, String first, Function<Response, List<T>> idsOf,
            Consumer<Response> eachPage, Runnable betweenPages) {
        int limit = Integer.parseInt(first.replaceAll(".*[?&]limit=(\\d+).*", "$1"));
        String query = first.substring(first.indexOf('?') + 1).replaceAll("&?limit=\\d+", "");
        String samePagesFrom = first.substring(0, first.indexOf('?')) + "?" + query + "&limit=" + limit + "&cursor=";
        List<T> walked = new ArrayList<>();
        String next = first;
        while (next != null) {
            Response page = session.given().urlEncodingEnabled(false).get(next).then().statusCode(200)
                    .contentType("application/json").extract().response();
            List<T> ids = idsOf.apply(page);
            assertThat(ids).as(next).hasSizeLessThanOrEqualTo(limit);
            eachPage.accept(page);
            walked.addAll(ids);
            String link = page.header("Link");
            assertThat(page.jsonPath().getBoolean("hasMore")).as(next).isEqualTo(link != null);
            if (link == null) {
                next = null;
            } else {
                assertThat(ids).as("a page followed by another is full").hasSize(limit);
                Matcher target = NEXT_LINK.matcher(link);
                assertThat(target.matches()).as(link).isTrue();
                next = target.group(1);
                assertThat(next).as("the same search, one page on").startsWith(samePagesFrom);
                betweenPages.run();
            }
        }
        assertThat(walked).as("no row twice").doesNotHaveDuplicates();
        return walked;
    }

    public static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The target of the link with this id, as the browser reads it (unescaped, without a fragment); null when absent. */
    public static String link(String html, String id) {
        Matcher link = Pattern.compile("<a id=\"" + id + "\" href=\"([^\"#]*)(#[^\"]*)?\">").matcher(html);
        return link.find() ? link.group(1).replace("&amp;", "&") : null;
    }
}
