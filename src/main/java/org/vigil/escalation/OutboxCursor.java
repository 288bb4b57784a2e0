package org.vigil.escalation;

import org.vigil.problem.FieldError;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a page of one state's emails ended: the created time and id of its oldest email, so the next page
 * continues strictly below it (keyset paging; emails written meanwhile never shift it). Clients get it as an
 * opaque token, free to change form; it names its state so that it cannot silently page another list.
 */
public record OutboxCursor(OutboxState state, Instant createdAt, long id) {

    private static final Pattern TOKEN_TEXT = Pattern.compile("([A-Z]+)\\.(-?\\d{1,19})\\.(\\d{1,19})");
    // Every created time Vigil writes lies inside; PostgreSQL and java.sql.Timestamp refuse some instants far outside.
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    public String token() {
        String text = state + "." + ChronoUnit.MICROS.between(Instant.EPOCH, createdAt) + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor that the query parameter {@code parameter} holds for the list of {@code state}: empty when the
     * parameter is absent or blank (the newest page), a 422 naming the parameter when it holds anything else.
     */
    public static Optional<OutboxCursor> fromParameter(String parameter, String token, OutboxState state) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        OutboxCursor cursor = decode(token.strip()).orElseThrow(() -> invalid(parameter,
                "is not a cursor Vigil gave out; start again from the newest page without it"));
        if (cursor.state != state) {
            throw invalid(parameter, "is a cursor of the " + cursor.state + " emails, not of the " + state + " emails");
        }
        return Optional.of(cursor);
    }

    private static Optional<OutboxCursor> decode(String token) {
        try {
            Matcher text = TOKEN_TEXT.matcher(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            if (!text.matches()) {
                return Optional.empty();
            }
            OutboxState state = OutboxState.valueOf(text.group(1));
            Instant createdAt = Instant.EPOCH.plus(Long.parseLong(text.group(2)), ChronoUnit.MICROS);
            long id = Long.parseLong(text.group(3));
            boolean storable = !createdAt.isBefore(EARLIEST) && !createdAt.isAfter(LATEST) && id > 0;
            return storable ? Optional.of(new OutboxCursor(state, createdAt, id)) : Optional.empty();
        } catch (IllegalArgumentException notBase64NumberOrState) {
            return Optional.empty();
        }
    }

    private static ProblemException invalid(String parameter, String detail) {
        return new ProblemException(ProblemType.INVALID_FIELDS, "The query parameter " + parameter + " holds no valid cursor",
                List.of(new FieldError("?" + parameter, detail)));
    }
}
