package org.vigil.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Renders every template created while serving a request in the user's language: message bundles
 * ({@code {msg:...}} and each feature's own) follow the template instance's locale.
 */
@ApplicationScoped
public class PageLanguage implements TemplateInstance.Initializer {

    @Inject
    UserLanguage language;

    @Inject
    CurrentVertxRequest http;

    void register(@Observes EngineBuilder engine) {
        engine.addTemplateInstanceInitializer(this);
    }

    @Override
    public void accept(TemplateInstance page) {
        // Templates rendered outside an HTTP request (emails from a background job) choose their own locale.
        if (Arc.container().requestContext().isActive() && http.getCurrent() != null) {
            page.setLocale(language.locale());
        }
    }
}
