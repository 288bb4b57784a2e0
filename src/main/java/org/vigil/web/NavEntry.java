package org.vigil.web;

import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * One link in the layout's menu. A feature adds its pages to the menu by declaring an
 * {@code @ApplicationScoped} bean implementing this; the layout shows it to users holding any of {@link #roles()}.
 */
public interface NavEntry {

    /** Where the link goes, e.g. {@code /review}. */
    String path();

    /** The link text in the given language; take it from the feature's own message bundle. */
    String label(Locale locale);

    /** Roles that see the link (see {@code org.vigil.security.Roles}). */
    Set<String> roles();

    /** Position in the menu, lower first. */
    int order();

    /** An entry whose label comes from {@code label} in the page's language. */
    static NavEntry of(String path, Function<Locale, String> label, Set<String> roles, int order) {
        record Entry(String path, Function<Locale, String> text, Set<String> roles, int order) implements NavEntry {
            @Override
            public String label(Locale locale) {
                return text.apply(locale);
            }
        }
        return new Entry(path, label, roles, order);
    }
}
