package org.vigil.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where a mention was posted. Stored and exchanged by its lower-case {@link #code()}. */
public enum Platform {
    X, FACEBOOK, INSTAGRAM, YOUTUBE, TIKTOK, BLUESKY, MASTODON, EMAIL, OTHER;

    public static final String CODES = Arrays.stream(values()).map(Platform::code).collect(Collectors.joining(", "));

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Platform> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code().equalsIgnoreCase(code)).findFirst();
    }
}
