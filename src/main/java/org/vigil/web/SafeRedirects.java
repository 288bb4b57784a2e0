package org.vigil.web;

/** Keeps redirects on this site: only an absolute path is followed, never "//host" or a full URL. */
public final class SafeRedirects {

    private SafeRedirects() {
    }

    public static String localPath(String candidate) {
        if (candidate == null || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")
                || candidate.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        return candidate;
    }
}
