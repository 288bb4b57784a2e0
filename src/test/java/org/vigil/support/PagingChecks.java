package org.vigil.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
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

    public static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The target of the link with this id, as the browser reads it (unescaped, without a fragment); null when absent. */
    public static String link(String html, String id) {
        Matcher link = Pattern.compile("<a id=\"" + id + "\" href=\"([^\"#]*)(#[^\"]*)?\">").matcher(html);
        return link.find() ? link.group(1).replace("&amp;", "&") : null;
    }
}
