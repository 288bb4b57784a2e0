package org.vigil.review;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigil.security.Roles;
import org.vigil.web.NavEntry;

import java.util.Locale;
import java.util.Set;

/** The queue in the staff menu, for reviewers and the security unit. */
@ApplicationScoped
public class ReviewNavEntry implements NavEntry {

    @Override
    public String path() {
        return "/review";
    }

    @Override
    public String label(Locale locale) {
        return MessageBundles.get(ReviewMessages.class, Localized.Literal.of(locale.getLanguage())).nav_queue();
    }

    @Override
    public Set<String> roles() {
        return Set.of(Roles.REVIEWER, Roles.SECURITY);
    }

    @Override
    public int order() {
        return 10;
    }
}
