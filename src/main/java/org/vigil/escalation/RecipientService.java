package org.vigil.escalation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.vigil.audit.AuditLog;
import org.vigil.problem.FieldError;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Recipient lists as admins see and change them: each list is the one stored by an admin, or the
 * configuration's ({@code vigil.escalation.recipients.p1} ... {@code .p4}, {@code vigil.escalation.tiers.next}).
 * Every change is validated whole and audited.
 */
@ApplicationScoped
public class RecipientService {

    static final String OBJECT_TYPE = "escalation_recipient_list";
    /** Longest list text accepted (the column's limit). */
    static final int MAX_LENGTH = 4000;

    private final RecipientRepository repository;
    private final EscalationConfig config;
    private final AuditLog audit;
    private final Clock clock;

    RecipientService(RecipientRepository repository, EscalationConfig config, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * One list as the admin page shows it.
     *
     * @param configured the configuration's value (empty: nobody, or for tiers: P1's recipients again)
     * @param stored     what an admin saved, in force when present
     * @param inForce    the entries in force, one per address ({@code fr:} for French), tiers separated by "; "
     */
    public record ListView(RecipientList list, String configured, Optional<String> stored,
                           Optional<Instant> updatedAt, Optional<String> updatedBy, String inForce) {

        public boolean fromConfiguration() {
            return stored.isEmpty();
        }

        public String key() {
            return list.key();
        }
    }

    /** The list as the audit log records it. */
    record AuditedList(String source, String entries) {
    }

    @Transactional
    public List<ListView> lists() throws SQLException {
        Map<RecipientList, RecipientRepository.StoredList> stored = repository.all();
        return Arrays.stream(RecipientList.values()).map(list -> view(list, Optional.ofNullable(stored.get(list))))
                .toList();
    }

    /** Stores {@code entries} (the configuration's syntax) for the list; refused whole naming the bad entry. */
    @Transactional
    public ListView set(RecipientList list, String entries, String user) throws SQLException {
        String normalised = normalise(list, entries);
        ListView before = view(list, repository.find(list));
        Instant now = clock.instant();
        repository.save(list, normalised, now, user);
        ListView after = view(list, repository.find(list));
        audit.recordAs(user, "escalation.recipients.set", OBJECT_TYPE, list.key(), audited(before), audited(after));
        return after;
    }

    /** Returns the list to its configuration. */
    @Transactional
    public ListView reset(RecipientList list, String user) throws SQLException {
        ListView before = view(list, repository.find(list));
        if (repository.delete(list)) {
            audit.recordAs(user, "escalation.recipients.reset", OBJECT_TYPE, list.key(), audited(before),
                    audited(view(list, Optional.empty())));
        }
        return view(list, Optional.empty());
    }

    private ListView view(RecipientList list, Optional<RecipientRepository.StoredList> stored) {
        String configured = configured(list);
        String inForce = stored.map(RecipientRepository.StoredList::entries).orElse(configured);
        return new ListView(list, configured, stored.map(RecipientRepository.StoredList::entries),
                stored.map(RecipientRepository.StoredList::updatedAt), stored.map(RecipientRepository.StoredList::updatedBy),
                describe(list, inForce));
    }

    private String configured(RecipientList list) {
        EscalationConfig.Recipients recipients = config.recipients();
        return switch (list) {
            case P1 -> String.join(", ", recipients.p1());
            case P2 -> String.join(", ", recipients.p2());
            case P3 -> String.join(", ", recipients.p3().orElse(List.of()));
            case P4 -> String.join(", ", recipients.p4().orElse(List.of()));
            case TIERS -> config.tiers().next().orElse("");
        };
    }

    private String describe(RecipientList list, String entries) {
        return tiers(list, entries).stream()
                .map(tier -> tier.stream().map(r -> r.lang() + ":" + r.address()).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }

    private String normalise(RecipientList list, String entries) {
        String text = entries == null ? "" : entries.strip();
        if (text.length() > MAX_LENGTH) {
            throw invalid("at most " + MAX_LENGTH + " characters");
        }
        List<List<Recipient>> parsed;
        try {
            parsed = tiers(list, text);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        if (list == RecipientList.P1 && parsed.stream().allMatch(List::isEmpty)) {
            throw invalid("P1 needs at least one address: the most urgent alerts and the pipeline alarms go there");
        }
        return Arrays.stream(text.split(";")).filter(tier -> !tier.isBlank())
                .map(tier -> Arrays.stream(tier.split(",")).map(String::strip).filter(entry -> !entry.isEmpty())
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }

    /** A priority's list is one tier; {@code ;} separates tiers only in the tiers list. */
    private List<List<Recipient>> tiers(RecipientList list, String entries) {
        if (list == RecipientList.TIERS) {
            return RecipientDirectory.parseTiers(entries, config.defaultLanguage());
        }
        if (entries.contains(";")) {
            throw new IllegalArgumentException("separate the addresses of " + list + " with commas, not ';'");
        }
        return List.of(RecipientDirectory.parseList(entries, config.defaultLanguage()));
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ProblemType.INVALID_FIELDS, "The recipients were not changed",
                List.of(new FieldError("/recipients", detail)));
    }

    private static AuditedList audited(ListView view) {
        return new AuditedList(view.fromConfiguration() ? "configuration" : "stored", view.inForce());
    }
}
