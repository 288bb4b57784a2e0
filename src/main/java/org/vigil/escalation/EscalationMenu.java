package org.vigil.escalation;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.vigil.security.Roles;
import org.vigil.web.NavEntry;

import java.util.Locale;
import java.util.Set;

/** The escalation pages in the staff menu: the security unit's page, and the rules and recipients for admins. */
public class EscalationMenu {

    @Produces
    @Singleton
    NavEntry escalations() {
        return NavEntry.of("/escalation", locale -> text(locale).nav_escalation(), Set.of(Roles.SECURITY, Roles.ADMIN), 20);
    }

    @Produces
    @Singleton
    NavEntry rules() {
        return NavEntry.of("/admin/rules", locale -> text(locale).nav_rules(), Set.of(Roles.ADMIN), 140);
    }

    @Produces
    @Singleton
    NavEntry recipients() {
        return NavEntry.of("/admin/recipients", locale -> text(locale).nav_recipients(), Set.of(Roles.ADMIN), 150);
    }

    private static EscalationMessages text(Locale locale) {
        return MessageBundles.get(EscalationMessages.class, Localized.Literal.of(locale.getLanguage()));
    }
}
