package org.vigil.review;

import org.vigil.problem.FieldError;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;
import org.vigil.triage.GroupKind;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The body of a decision for a whole group.
 *
 * @param group      CAMPAIGN, PILE_ON or AUTHOR: which of the item's groups
 * @param decision   confirm, dismiss or escalate
 * @param categories for confirm (required) and escalate (optional): VIOLENT, RACIST, SEXIST
 * @param note       a free-text note
 * @param reason     why: required to escalate
 */
public record GroupDecisionRequest(String group, String decision, List<String> categories, String note,
        String reason) {

    GroupKind kind() {
        return parse("/group", group, GroupKind.class);
    }

    GroupDecision.Decision decisionKind() {
        return parse("/decision", decision, GroupDecision.Decision.class);
    }

    List<String> categoryNames() {
        return categories == null ? List.of() : categories;
    }

    Optional<String> optionalNote() {
        return Optional.ofNullable(note);
    }

    private static <E extends Enum<E>> E parse(String pointer, String value, Class<E> type) {
        List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        String name = value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        if (!allowed.contains(name)) {
            throw new ProblemException(ProblemType.INVALID_FIELDS, "The group decision is not valid",
                    List.of(new FieldError(pointer, "must be one of " + allowed)));
        }
        return Enum.valueOf(type, name);
    }
}
