package org.vigil.triage.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.vigil.audit.AuditLog;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/** Reads and changes the rules in force; an edit is validated whole and saved as a new version, or refused. */
@ApplicationScoped
public class RuleService {

    static final String OBJECT_TYPE = "triage_rule_set";

    private final RuleStore store;
    private final RuleRepository repository;
    private final AuditLog audit;
    private final Clock clock;

    RuleService(RuleStore store, RuleRepository repository, AuditLog audit, Clock clock) {
        this.store = store;
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public RuleStore.Versioned current() throws SQLException {
        return store.current();
    }

    /** The saved versions, newest first, at most {@code limit}. */
    @Transactional
    public List<RuleRepository.RuleVersion> history(int limit) throws SQLException {
        return repository.history(limit);
    }

    /** Checks a rule file without saving it. */
    public RuleSet validate(String text) {
        return RuleParser.parse(text);
    }

    /**
     * Saves {@code text} as the version after {@code basedOn}. Refused whole with {@link InvalidRulesException}
     * when invalid, and with {@link RulesChangedException} when someone saved another version meanwhile. The
     * audit log names the user, the version edited and the new one.
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
        int saved = basedOn + 1;
        audit.recordAs(user, "rules.save", OBJECT_TYPE, Integer.toString(saved), new AuditedVersion(basedOn, null),
                new AuditedVersion(saved, rules.version()));
        return saved;
    }

    /** A rule version as the audit log shows it: its number and the label the file gives itself. */
    record AuditedVersion(int version, String label) {
    }

    /** Another version was saved since the one an edit started from. */
    public static class RulesChangedException extends RuntimeException {
        public RulesChangedException(int basedOn) {
            super("the rules changed since version " + basedOn + "; reload them and apply the edit again", null,
                    false, false);
        }
    }
}
