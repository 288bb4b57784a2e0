package org.vigil.admin;

import jakarta.enterprise.context.ApplicationScoped;
import org.vigil.security.Roles;
import org.vigil.web.NavEntry;

import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** The admin pages in the layout's menu, for admins only. */
final class AdminNav {

    private AdminNav() {
    }

    abstract static class AdminEntry implements NavEntry {
        private final String path;
        private final Function<AdminMessages, String> label;
        private final int order;

        AdminEntry(String path, Function<AdminMessages, String> label, int order) {
            this.path = path;
            this.label = label;
            this.order = order;
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public String label(Locale locale) {
            return label.apply(AdminText.in(locale));
        }

        @Override
        public Set<String> roles() {
            return Set.of(Roles.ADMIN);
        }

        @Override
        public int order() {
            return order;
        }
    }

    @ApplicationScoped
    static class Users extends AdminEntry {
        Users() {
            super("/admin/users", AdminMessages::users, 100);
        }
    }

    @ApplicationScoped
    static class Mps extends AdminEntry {
        Mps() {
            super("/admin/mps", AdminMessages::mps, 110);
        }
    }

    @ApplicationScoped
    static class Integrations extends AdminEntry {
        Integrations() {
            super("/admin/integrations", AdminMessages::integrations, 120);
        }
    }

    @ApplicationScoped
    static class Classifier extends AdminEntry {
        Classifier() {
            super("/admin/classifier", AdminMessages::classifier, 125);
        }
    }

    @ApplicationScoped
    static class Audit extends AdminEntry {
        Audit() {
            super("/admin/audit", AdminMessages::audit, 130);
        }
    }
}
