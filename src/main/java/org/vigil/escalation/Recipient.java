package org.vigil.escalation;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An address of the security unit and the language its emails are written in. Configured as
 * {@code duty@example.org} (default language) or {@code fr:duty@example.org}.
 */
public record Recipient(String address, String lang) {

    static final List<String> LANGUAGES = List.of("en", "fr");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>,;:\"]+@[^\\s@<>,;:\"]+");

    public static Recipient parse(String entry, String defaultLanguage) {
        String trimmed = entry.trim();
        int colon = trimmed.indexOf(':');
        String lang = colon < 0 ? defaultLanguage : trimmed.substring(0, colon).toLowerCase(Locale.ROOT);
        String address = colon < 0 ? trimmed : trimmed.substring(colon + 1).trim();
        if (!LANGUAGES.contains(lang)) {
            throw new IllegalArgumentException("recipient '" + entry + "': language must be one of " + LANGUAGES);
        }
        if (!ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("recipient '" + entry + "': not an email address");
        }
        return new Recipient(address, lang);
    }
}
