package org.vigil.triage;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Folds repeats into groups a reviewer marked handled. A mention whose author, campaign or pile-on is
 * handled is folded when it brings nothing the group has not seen; otherwise it alerts as usual and the
 * groups' marks rise to include it, so the same news alerts once.
 */
@ApplicationScoped
public class HandledGroups {

    private static final Logger LOG = Logger.getLogger(HandledGroups.class);

    /** The id under which the item page and the alert show what a handled group made of the mention. */
    public static final String RULE_ID = "handled-group";

    private final HandledGroupRepository repository;
    private final TriageConfig config;

    HandledGroups(HandledGroupRepository repository, TriageConfig config) {
        this.repository = repository;
        this.config = config;
    }

    /** Decides, inside the triage transaction, whether the triaged mention folds into a handled group. */
    public Check check(TriageCandidate candidate, TriageOutcome outcome) throws SQLException {
        List<HandledGroup> handled = repository.handled(groupsOf(candidate, outcome));
        if (handled.isEmpty()) {
            return Check.NONE;
        }
        List<String> news = new ArrayList<>();
        for (HandledGroup group : handled) {
            Optional<String> found = group.news(candidate, outcome.doxxing(), config.handledScoreMargin());
            if (found.isEmpty()) {
                return new Check(Optional.of(group), new FiredRule(RULE_ID, "folded into " + group.group().label()
                        + " (" + group.decision() + " by " + group.handledBy() + "): nothing new, no alert"));
            }
            news.add(group.group().label() + " marked handled, but " + found.get());
        }
        for (HandledGroup group : handled) {
            repository.raiseMarks(group.id(), candidate, outcome.doxxing());
        }
        LOG.infof("Mention %s alerts again: %s", candidate.mentionId(), news);
        return new Check(Optional.empty(), new FiredRule(RULE_ID, String.join("; ", news)));
    }

    /** Records the item as folded into the group. */
    public void fold(HandledGroup group, TriageCandidate candidate, UUID itemId, Instant now)
            throws SQLException {
        if (repository.fold(group.id(), itemId, now)) {
            LOG.infof("Mention %s folded into handled %s", candidate.mentionId(), group.group().label());
        }
    }

    private List<GroupKey> groupsOf(TriageCandidate candidate, TriageOutcome outcome) throws SQLException {
        List<GroupKey> groups = new ArrayList<>();
        candidate.authorId().ifPresent(author -> groups.add(new GroupKey(GroupKind.AUTHOR,
                candidate.platform() + ":" + author)));
        repository.campaignOf(candidate.mentionId()).ifPresent(campaign -> groups.add(
                new GroupKey(GroupKind.CAMPAIGN, Long.toString(campaign))));
        if (outcome.tags().contains("pile-on")) {
            candidate.targetKey().ifPresent(target -> groups.add(new GroupKey(GroupKind.PILE_ON, target)));
        }
        return groups;
    }

    /**
     * What {@link #check} found.
     *
     * @param foldInto the handled group the mention repeats, to fold into instead of alerting
     * @param rule     when the mention belongs to handled groups, why it was folded or what it brings that is new
     */
    public record Check(Optional<HandledGroup> foldInto, Optional<FiredRule> rule) {
        static final Check NONE = new Check(Optional.empty(), Optional.empty());

        Check(Optional<HandledGroup> foldInto, FiredRule rule) {
            this(foldInto, Optional.of(rule));
        }

        /** The rules that fired, with this check's line after them. */
        List<FiredRule> addedTo(List<FiredRule> fired) {
            List<FiredRule> all = new ArrayList<>(fired);
            rule.ifPresent(all::add);
            return List.copyOf(all);
        }
    }
}
