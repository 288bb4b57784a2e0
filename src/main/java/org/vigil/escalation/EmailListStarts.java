package org.vigil.escalation;

import jakarta.ws.rs.core.MultivaluedMap;
import org.vigil.paging.PageCursor;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where each email list of the security page starts: at the newest email, or below the cursor that an Older
 * link put in the list's own query parameter ({@code sent}, {@code pending}, {@code dead}), so that paging one
 * list leaves the others where they are.
 */
public record EmailListStarts(Map<OutboxState, PageCursor> cursors) {

    public static final EmailListStarts NEWEST = new EmailListStarts(Map.of());

    public EmailListStarts {
        cursors = Map.copyOf(cursors);
    }

    /** The starts in the page's query; a 422 naming the parameter that holds no cursor of its list. */
    public static EmailListStarts fromQuery(MultivaluedMap<String, String> query) {
        Map<OutboxState, PageCursor> cursors = new EnumMap<>(OutboxState.class);
        for (OutboxState state : OutboxState.values()) {
            PageCursor.fromParameter(parameter(state), query.getFirst(parameter(state)), state.name(),
                    OutboxPage.CURSOR_KEY)
                    .ifPresent(cursor -> cursors.put(state, cursor));
        }
        return new EmailListStarts(cursors);
    }

    public Optional<PageCursor> of(OutboxState state) {
        return Optional.ofNullable(cursors.get(state));
    }

    /** The security page with the list of {@code state} starting below {@code start} (at the newest when empty). */
    public String link(OutboxState state, Optional<PageCursor> start) {
        Map<OutboxState, PageCursor> linked = new EnumMap<>(OutboxState.class);
        linked.putAll(cursors);
        start.ifPresentOrElse(cursor -> linked.put(state, cursor), () -> linked.remove(state));
        // Tokens are base64url, safe in a query as they are.
        return linked.entrySet().stream().map(entry -> parameter(entry.getKey()) + "=" + entry.getValue().token())
                .collect(Collectors.joining("&", linked.isEmpty() ? "/escalation" : "/escalation?", ""));
    }

    private static String parameter(OutboxState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
