package org.vigil.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** What the tests of every keyset-paged list (queue, audit log, security emails) check the same way. */
public final class PagingChecks {

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

    public static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The target of the link with this id, as the browser reads it (unescaped, without a fragment); null when absent. */
    public static String link(String html, String id) {
        Matcher link = Pattern.compile("<a id=\"" + id + "\" href=\"([^\"#]*)(#[^\"]*)?\">").matcher(html);
        return link.find() ? link.group(1).replace("&amp;", "&") : null;
    }
}
