package org.vigil.triage.rules;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rules in force: the latest saved version, or the defaults shipped in the jar when none was saved.
 * A saved version is parsed once and kept until a newer one appears, in this instance or another.
 */
@ApplicationScoped
public class RuleStore {

    static final String DEFAULT_RULES = "/rules/default-rules.json";

    private final RuleRepository repository;
    private final RuleSet defaults;
    private final AtomicReference<Versioned> current = new AtomicReference<>();

    RuleStore(RuleRepository repository) {
        this.repository = repository;
        this.defaults = RuleParser.parse(defaultText());
    }

    /** The rule set in force and its stored version (0 for the shipped defaults). */
    public Versioned current() throws SQLException {
        int latest = repository.latestVersion();
        Versioned cached = current.get();
        if (cached != null && cached.version() == latest) {
            return cached;
        }
        Versioned loaded = latest == 0 ? new Versioned(0, defaults, defaultText())
                : repository.find(latest).map(stored -> new Versioned(stored.version(), RuleParser.parse(stored.body()),
                stored.body())).orElseThrow();
        current.set(loaded);
        return loaded;
    }

    static String defaultText() {
        try (InputStream in = RuleStore.class.getResourceAsStream(DEFAULT_RULES)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The default rules are part of the jar", e);
        }
    }

    /** A rule set with the version it is stored under, and its text as written. */
    public record Versioned(int version, RuleSet rules, String text) {
    }
}
