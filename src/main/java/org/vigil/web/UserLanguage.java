package org.vigil.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.Locale;

/** The language of the current request, for templates ({@code inject:lang}) and for Java code. */
@Named("lang")
@RequestScoped
public class UserLanguage {

    @Inject
    HttpServerRequest request;

    private String tag;

    /** "en" or "fr". */
    public String getTag() {
        if (tag == null) {
            Cookie cookie = request.getCookie(Languages.COOKIE);
            tag = Languages.choose(cookie == null ? null : cookie.getValue(), request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        }
        return tag;
    }

    public Locale locale() {
        return Locale.forLanguageTag(getTag());
    }

    /** One button of the language switch. */
    public record Choice(String tag, String label, boolean current) {
    }

    public List<Choice> getChoices() {
        return Languages.SUPPORTED.stream()
                .map(supported -> new Choice(supported, supported.toUpperCase(Locale.ROOT), supported.equals(getTag())))
                .toList();
    }

    /** Where the language switch returns to: this page (path and query, never another site). */
    public String getReturnPath() {
        return SafeRedirects.localPath(request.uri());
    }
}
