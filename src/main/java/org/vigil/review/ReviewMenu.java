package org.vigil.review;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.vigil.security.Roles;
import org.vigil.web.NavEntry;

import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** The review pages in the staff menu: the queue for reviewers and the security unit, wellbeing for admins. */
public class ReviewMenu {

    @Produces
    @Singleton
    NavEntry queue() {
        return new Entry("/review", ReviewMessages::nav_queue, Set.of(Roles.REVIEWER, Roles.SECURITY), 10);
    }

    @Produces
    @Singleton
    NavEntry wellbeing() {
        return new Entry("/review/wellbeing", ReviewMessages::wellbeing_title, Set.of(Roles.ADMIN), 60);
    }

    private record Entry(String path, Function<ReviewMessages, String> text, Set<String> roles, int order)
            implements NavEntry {

        @Override
        public String label(Locale locale) {
            return text.apply(MessageBundles.get(ReviewMessages.class, Localized.Literal.of(locale.getLanguage())));
        }
    }
}
