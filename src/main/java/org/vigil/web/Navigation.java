package org.vigil.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Comparator;
import java.util.List;

/** The menu of the current page ({@code inject:nav.links}): every {@link NavEntry} the user's roles allow. */
@Named("nav")
@RequestScoped
public class Navigation {

    @Inject
    Instance<NavEntry> entries;

    @Inject
    CurrentStaff staff;

    @Inject
    UserLanguage language;

    @Inject
    HttpServerRequest request;

    public record Link(String path, String label, boolean current) {
    }

    public List<Link> getLinks() {
        String here = request.path();
        return entries.stream()
                .filter(entry -> entry.roles().stream().anyMatch(staff::hasRole))
                .sorted(Comparator.comparingInt(NavEntry::order))
                .map(entry -> new Link(entry.path(), entry.label(language.locale()),
                        here.equals(entry.path()) || here.startsWith(entry.path() + "/")))
                .toList();
    }
}
