package org.vigil.review;

import java.util.List;
import java.util.Optional;

/**
 * The body of a decision or other change to an item; each operation reads the fields it needs.
 *
 * @param categories for confirm (required) and escalate (optional): VIOLENT, RACIST, SEXIST
 * @param note       a free-text note, on any operation
 * @param reason     why: required to escalate and to reopen
 * @param to         the colleague's user name, to hand over
 */
public record ReviewRequest(List<String> categories, String note, String reason, String to) {

    static ReviewRequest orEmpty(ReviewRequest request) {
        return request == null ? new ReviewRequest(List.of(), null, null, null) : request;
    }

    List<String> categoryNames() {
        return categories == null ? List.of() : categories;
    }

    Optional<String> optionalNote() {
        return Optional.ofNullable(note);
    }
}
