package org.vigil.paging;

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
 * Where a page of a list shown newest first ended: the time and id of its oldest row, so the next page
 * continues strictly below it (keyset paging; rows written meanwhile never shift it). Clients get it as an
 * opaque token, free to change form; it names its list (an escalation email state, the audit log) so that
 * it cannot silently page another one.
 */
public record PageCursor(String list, Instant at, long id) {

    private static final Pattern TOKEN_TEXT = Pattern.compile("([A-Z]+)\\.(-?\\d{1,19})\\.(\\d{1,19})");
    // A token Vigil gives out is about 40 characters; anything far longer is refused before it is decoded.
    private static final int MAX_TOKEN_LENGTH = 100;
    // Every time Vigil writes lies inside; PostgreSQL and java.sql.Timestamp refuse some instants far outside.
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    public String token() {
        String text = list + "." + ChronoUnit.MICROS.between(Instant.EPOCH, at) + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor that the query parameter {@code parameter} holds for {@code list}: empty when the parameter is
     * absent or blank (the newest page), a 422 naming the parameter when it holds anything else.
     */
    public static Optional<PageCursor> fromParameter(String parameter, String token, String list) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        PageCursor cursor = decode(token.strip()).orElseThrow(() -> invalid(parameter,
                "is not a cursor Vigil gave out; start again from the newest page without it"));
        if (!cursor.list.equals(list)) {
            throw invalid(parameter, "is a cursor of the " + cursor.list + " list, not of the " + list + " list");
        }
        return Optional.of(cursor);
    }

    private static Optional<PageCursor> decode(String token) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        try {
            Matcher text = TOKEN_TEXT.matcher(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            if (!text.matches()) {
                return Optional.empty();
            }
            Instant at = Instant.EPOCH.plus(Long.parseLong(text.group(2)), ChronoUnit.MICROS);
            long id = Long.parseLong(text.group(3));
            boolean storable = !at.isBefore(EARLIEST) && !at.isAfter(LATEST) && id > 0;
            return storable ? Optional.of(new PageCursor(text.group(1), at, id)) : Optional.empty();
        } catch (IllegalArgumentException notBase64OrNumber) {
            return Optional.empty();
        }
    }

    private static ProblemException invalid(String parameter, String detail) {
        return new ProblemException(ProblemType.INVALID_FIELDS, "The query parameter " + parameter + " holds no valid cursor",
                List.of(new FieldError("?" + parameter, detail)));
    }
}
