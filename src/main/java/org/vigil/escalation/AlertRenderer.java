package org.vigil.escalation;

import io.quarkus.qute.Engine;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders alert emails from the Qute templates in {@code templates/escalation/}, one set per language. */
@ApplicationScoped
public class AlertRenderer {

    private static final Map<String, String> SUBJECTS = Map.of(
            "en", "[Vigil %s] %s: %s against %s",
            "fr", "[Vigil %s] %s : %s visant %s");
    private static final Map<String, String> ALERT_WORD = Map.of("en", "alert", "fr", "alerte");
    private static final Map<String, String> DIGEST_SUBJECTS = Map.of(
            "en", "[Vigil digest] %d escalation(s): %s",
            "fr", "[Vigil résumé] %d escalade(s) : %s");

    private final Engine engine;

    AlertRenderer(Engine engine) {
        this.engine = engine;
    }

    /** Subject with priority, category and MP; bodies from {@code alert.<lang>.txt} and {@code alert.<lang>.html}. */
    public RenderedEmail alert(AlertView view, String lang) {
        return render("alert", subject(view, lang), lang, Map.of("alert", view));
    }

    /** A notice that the case was acknowledged or resolved, answering the alert (same subject, "Re:"). */
    public RenderedEmail notice(AlertView view, String lang, EmailKind kind, String by, String when) {
        return render("notice", "Re: " + subject(view, lang), lang,
                Map.of("alert", view, "kind", kind.name(), "by", by, "when", when));
    }

    /** Several cases in one email; subject with their number and priorities, bodies from {@code digest.<lang>.*}. */
    public RenderedEmail digest(List<AlertView> alerts, String lang) {
        String priorities = alerts.stream().map(AlertView::priority).distinct().sorted().collect(Collectors.joining(", "));
        return render("digest", DIGEST_SUBJECTS.get(lang).formatted(alerts.size(), priorities), lang,
                Map.of("alerts", alerts));
    }

    private RenderedEmail render(String template, String subject, String lang, Map<String, Object> data) {
        var text = engine.getTemplate("escalation/" + template + "." + lang + ".txt").instance();
        var html = engine.getTemplate("escalation/" + template + "." + lang + ".html").instance();
        data.forEach((name, value) -> {
            text.data(name, value);
            html.data(name, value);
        });
        return new RenderedEmail(oneLine(subject), text.render(), html.render());
    }

    private static String subject(AlertView view, String lang) {
        return SUBJECTS.get(lang).formatted(view.priority(), ALERT_WORD.get(lang), view.category(), view.mpName());
    }

    /** Header values hold one line: a hostile MP handle or category never injects another header. */
    private static String oneLine(String value) {
        return value.replaceAll("[\\r\\n\\t]+", " ");
    }
}
