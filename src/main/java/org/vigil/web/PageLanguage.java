package org.vigil.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.TemplateInstance;
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

    void register(@Observes EngineBuilder engine) {
        engine.addTemplateInstanceInitializer(this);
    }

    @Override
    public void accept(TemplateInstance page) {
        if (Arc.container().requestContext().isActive()) {
            page.setLocale(language.locale());
        }
    }
}
