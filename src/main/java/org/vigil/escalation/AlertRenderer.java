package org.vigil.escalation;

import io.quarkus.qute.Engine;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** Renders alert emails from the Qute templates in {@code templates/escalation/}, one set per language. */
@ApplicationScoped
public class AlertRenderer {

    private static final Map<String, String> SUBJECTS = Map.of(
            "en", "[Vigil %s] %s: %s against %s",
            "fr", "[Vigil %s] %s : %s visant %s");
    private static final Map<String, String> ALERT_WORD = Map.of("en", "alert", "fr", "alerte");

    private final Engine engine;

    AlertRenderer(Engine engine) {
        this.engine = engine;
    }

    /** Subject with priority, category and MP; bodies from {@code alert.<lang>.txt} and {@code alert.<lang>.html}. */
    public RenderedEmail alert(AlertView view, String lang) {
        String subject = SUBJECTS.get(lang).formatted(view.priority(), ALERT_WORD.get(lang), view.category(),
                view.mpName());
        return new RenderedEmail(oneLine(subject),
                engine.getTemplate("escalation/alert." + lang + ".txt").data("alert", view).render(),
                engine.getTemplate("escalation/alert." + lang + ".html").data("alert", view).render());
    }

    /** Header values hold one line: a hostile MP handle or category never injects another header. */
    private static String oneLine(String value) {
        return value.replaceAll("[\\r\\n\\t]+", " ");
    }
}
