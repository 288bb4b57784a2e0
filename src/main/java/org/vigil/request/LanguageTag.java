package org.vigil.request;

import java.util.regex.Pattern;

/** The BCP 47 language tags senders may give (en, fr, fr-CA, ...), checked by shape only. */
public final class LanguageTag {

    public static final int MAX_LENGTH = 35;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}");

    private LanguageTag() {
    }

    public static boolean isValid(String tag) {
        return tag.length() <= MAX_LENGTH && SHAPE.matcher(tag).matches();
    }
}
