package org.vigil.admin;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import org.vigil.web.Languages;

import java.util.Locale;

/** The admin texts in one language, for Java code (the menu); templates use {@code {admin:key}}. */
final class AdminText {

    private AdminText() {
    }

    static AdminMessages in(Locale locale) {
        return Languages.DEFAULT.equals(locale.getLanguage())
                ? MessageBundles.get(AdminMessages.class)
                : MessageBundles.get(AdminMessages.class, Localized.Literal.of(locale.getLanguage()));
    }
}
