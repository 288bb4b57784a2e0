package org.vigil.escalation;

import org.vigil.paging.PageCursor;
import org.vigil.paging.PageCursor.KeyPart;
import org.vigil.triage.Priority;

import java.util.List;
import java.util.Optional;

/**
 * One page of the cases not resolved, in the security page's order; {@code next} continues after its last case,
 * empty on the last page.
 */
public record CasePage(List<CaseRepository.CaseRow> cases, Optional<PageCursor> next) {

    /** The name the case list's cursors carry. */
    public static final String LIST = "CASES";

    /**
     * The sort key the case list's cursors hold: when the first page was read (a case acknowledged since keeps its
     * place among the open ones until the list is read again from the top, so it is neither shown twice nor
     * skipped), whether the last case shown was taken (1) or open (0) then, its priority rank, raise time and id.
     */
    public static final List<KeyPart> CURSOR_KEY = List.of(KeyPart.TIME, KeyPart.number(0, 1),
            KeyPart.number(Priority.P1.rank(), Priority.P4.rank()), KeyPart.TIME, KeyPart.UUID);

    public CasePage {
        cases = List.copyOf(cases);
    }
}
