package org.vigil.escalation;

import java.util.regex.Pattern;

/**
 * The mention text as an email quotes it: digits, email addresses and links are masked, so an alert that
 * is forwarded or leaked does not spread an MP's address or phone number. The full text is on the case page.
 */
public final class TextMask {

    static final int MAX_LENGTH = 600;
    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern DIGIT = Pattern.compile("\\p{Nd}");

    private TextMask() {
    }

    public static String mask(String text) {
        String masked = LINK.matcher(text).replaceAll("[link]");
        masked = EMAIL.matcher(masked).replaceAll("[email]");
        masked = DIGIT.matcher(masked).replaceAll("#");
        if (masked.codePointCount(0, masked.length()) > MAX_LENGTH) {
            masked = masked.substring(0, masked.offsetByCodePoints(0, MAX_LENGTH)) + "…";
        }
        return masked;
    }
}
