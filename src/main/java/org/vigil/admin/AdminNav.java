package org.vigil.admin;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.vigil.security.Roles;
import org.vigil.web.NavEntry;

import java.util.Set;
import java.util.function.Function;

/** The admin pages in the layout's menu, for admins only. */
class AdminNav {

    @Produces
    @Singleton
    NavEntry users() {
        return adminOnly("/admin/users", AdminMessages::users, 100);
    }

    @Produces
    @Singleton
    NavEntry mps() {
        return adminOnly("/admin/mps", AdminMessages::mps, 110);
    }

    @Produces
    @Singleton
    NavEntry integrations() {
        return adminOnly("/admin/integrations", AdminMessages::integrations, 120);
    }

    @Produces
    @Singleton
    NavEntry classifier() {
        return adminOnly("/admin/classifier", AdminMessages::classifier, 125);
    }

    @Produces
    @Singleton
    NavEntry audit() {
        return adminOnly("/admin/audit", AdminMessages::audit, 130);
    }

    private static NavEntry adminOnly(String path, Function<AdminMessages, String> label, int order) {
        return NavEntry.of(path, locale -> label.apply(AdminText.in(locale)), Set.of(Roles.ADMIN), order);
    }
}
