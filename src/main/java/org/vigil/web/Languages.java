package org.vigil.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The interface languages and how one is chosen: the remembered choice, else the browser's, else English. */
public final class Languages {

    public static final List<String> SUPPORTED = List.of("en", "fr");
    public static final String DEFAULT = "en";
    /** Remembers the language chosen with the switch. */
    public static final String COOKIE = "vigil-lang";

    private Languages() {
    }

    public static Optional<String> supported(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip()).getLanguage();
        return SUPPORTED.contains(language) ? Optional.of(language) : Optional.empty();
    }

    /** The language for a request, from the cookie's value and the Accept-Language header. */
    public static String choose(String cookie, String acceptLanguage) {
        return supported(cookie).or(() -> fromAcceptLanguage(acceptLanguage)).orElse(DEFAULT);
    }

    private static Optional<String> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            return Optional.ofNullable(Locale.lookupTag(ranges, SUPPORTED));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
