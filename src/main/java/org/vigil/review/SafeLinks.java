package org.vigil.review;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Decides which URLs from outside may become links: absolute http(s) only. */
final class SafeLinks {

    private SafeLinks() {
    }

    static boolean isWebLink(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme();
            return scheme != null && uri.getHost() != null
                    && ("http".equals(scheme.toLowerCase(Locale.ROOT)) || "https".equals(scheme.toLowerCase(Locale.ROOT)));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
