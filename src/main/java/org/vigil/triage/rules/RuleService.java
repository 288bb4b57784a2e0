package org.vigil.triage.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.SQLException;
import java.time.Clock;

/** Reads and changes the rules in force; an edit is validated whole and saved as a new version, or refused. */
@ApplicationScoped
public class RuleService {

    private final RuleStore store;
    private final RuleRepository repository;
    private final Clock clock;

    RuleService(RuleStore store, RuleRepository repository, Clock clock) {
        this.store = store;
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional
    public RuleStore.Versioned current() throws SQLException {
        return store.current();
    }

    /** Checks a rule file without saving it. */
    public RuleSet validate(String text) {
        return RuleParser.parse(text);
    }

    /**
     * Saves {@code text} as the version after {@code basedOn}. Refused whole with {@link InvalidRulesException}
     * when invalid, and with {@link RulesChangedException} when someone saved another version meanwhile.
     *
     * @return the new version number
     */
    @Transactional
    public int save(String text, int basedOn, String user) throws SQLException {
        RuleSet rules = RuleParser.parse(text);
        if (repository.latestVersion() != basedOn || !repository.saveAfter(basedOn, rules.version(), text,
                clock.instant(), user)) {
            throw new RulesChangedException(basedOn);
        }
        return basedOn + 1;
    }

    /** Another version was saved since the one an edit started from. */
    public static class RulesChangedException extends RuntimeException {
        public RulesChangedException(int basedOn) {
            super("the rules changed since version " + basedOn + "; reload them and apply the edit again", null,
                    false, false);
        }
    }
}
