package org.vigil.escalation;

import jakarta.ws.rs.core.MultivaluedMap;
import org.vigil.paging.PageCursor;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where each list of the security page starts: at its top, or after the cursor that a next-page link put in the
 * list's own query parameter ({@code cases}, and {@code pending}, {@code sent}, {@code dead} for the emails), so
 * that paging one list leaves the others where they are.
 */
public record ListStarts(Map<String, PageCursor> cursors) {

    /** The query parameter of the cases not resolved. */
    public static final String CASES = "cases";
    /** The parameters in the order links write them. */
    private static final List<String> PARAMETERS = Stream.concat(Stream.of(CASES),
            Arrays.stream(OutboxState.values()).map(ListStarts::parameter)).toList();

    public ListStarts {
        cursors = Map.copyOf(cursors);
    }

    /** The starts in the page's query; a 422 naming the parameter that holds no cursor of its list. */
    public static ListStarts fromQuery(MultivaluedMap<String, String> query) {
        Map<String, PageCursor> cursors = new HashMap<>();
        PageCursor.fromParameter(CASES, query.getFirst(CASES), CasePage.LIST, CasePage.CURSOR_KEY)
                .ifPresent(cursor -> cursors.put(CASES, cursor));
        for (OutboxState state : OutboxState.values()) {
            PageCursor.fromParameter(parameter(state), query.getFirst(parameter(state)), state.name(),
                    OutboxPage.CURSOR_KEY)
                    .ifPresent(cursor -> cursors.put(parameter(state), cursor));
        }
        return new ListStarts(cursors);
    }

    /** The query parameter of the email list of {@code state}. */
    public static String parameter(OutboxState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    public Optional<PageCursor> of(String parameter) {
        return Optional.ofNullable(cursors.get(parameter));
    }

    /** The security page with the list of {@code parameter} starting after {@code start} (at its top when empty). */
    public String link(String parameter, Optional<PageCursor> start) {
        Map<String, PageCursor> linked = new HashMap<>(cursors);
        start.ifPresentOrElse(cursor -> linked.put(parameter, cursor), () -> linked.remove(parameter));
        return "/escalation" + query(linked);
    }

    /**
     * These starts as a query ({@code ?cases=...&sent=...}, empty at the top of every list): an action's form posts
     * to it, so that the page it redirects to keeps every list where the reader was.
     */
    public String query() {
        return query(cursors);
    }

    /** The security page at these starts, saying that an action was done. */
    public String afterAction() {
        String query = query();
        return "/escalation" + query + (query.isEmpty() ? "?" : "&") + "done=true";
    }

    private static String query(Map<String, PageCursor> starts) {
        // Tokens are base64url, safe in a query as they are.
        return PARAMETERS.stream().filter(starts::containsKey).map(name -> name + "=" + starts.get(name).token())
                .collect(Collectors.joining("&", starts.isEmpty() ? "" : "?", ""));
    }
}
