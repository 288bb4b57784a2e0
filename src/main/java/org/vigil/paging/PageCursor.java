package org.vigil.paging;

import org.vigil.problem.FieldError;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where a page of a list ended: the sort key of its last row (say the time and id of the oldest audit event
 * shown), so the next page continues strictly after it (keyset paging; rows written meanwhile never shift it).
 * Clients get it as an opaque token, free to change form; it names its list (an escalation email state, the audit
 * log, the review queue, the security page's cases) so that it cannot silently page another one, and each list
 * reads back only keys of its own shape.
 *
 * @param key the sort key's values in order: each an {@link Instant}, a {@link Long} or a {@link UUID}
 */
public record PageCursor(String list, List<Object> key) {

    private static final Pattern LIST = Pattern.compile("[A-Z]+");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,19}");
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    // The longest token Vigil gives out (the queue's) is about 110 characters; anything far longer is refused
    // before it is decoded.
    private static final int MAX_TOKEN_LENGTH = 160;
    // Every time Vigil writes lies inside; PostgreSQL and java.sql.Timestamp refuse some instants far outside.
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    public PageCursor {
        key = List.copyOf(key);
        for (Object value : key) {
            if (!(value instanceof Instant || value instanceof Long || value instanceof UUID)) {
                throw new IllegalArgumentException("a cursor keeps times, whole numbers and UUIDs, not " + value);
            }
        }
    }

    /** The cursor of {@code list} after the row whose sort key is {@code key}. */
    public static PageCursor of(String list, Object... key) {
        return new PageCursor(list, List.of(key));
    }

    /** The time at {@code position} of the key. */
    public Instant time(int position) {
        return (Instant) key.get(position);
    }

    /** The whole number at {@code position} of the key. */
    public long number(int position) {
        return (Long) key.get(position);
    }

    /** The UUID at {@code position} of the key. */
    public UUID uuid(int position) {
        return (UUID) key.get(position);
    }

    public String token() {
        StringBuilder text = new StringBuilder(list);
        for (Object value : key) {
            text.append('.').append(value instanceof Instant at ? ChronoUnit.MICROS.between(Instant.EPOCH, at) : value);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One value of a list's sort key as its cursors carry it: a time (to the microsecond, years 1 to 9999), a whole
     * number from {@code min} to {@code max}, or a UUID. A list states the parts of its key to read a cursor back.
     */
    public record KeyPart(Kind kind, long min, long max) {

        /** A time, as PostgreSQL stores it. */
        public static final KeyPart TIME = new KeyPart(Kind.TIME, 0, 0);
        /** A row id from an identity column: a whole number from 1. */
        public static final KeyPart ID = number(1, Long.MAX_VALUE);
        /** A UUID, as Java and PostgreSQL write it. */
        public static final KeyPart UUID = new KeyPart(Kind.UUID, 0, 0);

        /** A whole number from {@code min} to {@code max}. */
        public static KeyPart number(long min, long max) {
            return new KeyPart(Kind.NUMBER, min, max);
        }

        /** What a key part holds. */
        public enum Kind { TIME, NUMBER, UUID }

        private Optional<Object> read(String text) {
            return switch (kind) {
                case TIME -> wholeNumber(text)
                        .map(micros -> Instant.EPOCH.plus(micros, ChronoUnit.MICROS))
                        .filter(at -> !at.isBefore(EARLIEST) && !at.isAfter(LATEST)).map(Object.class::cast);
                case NUMBER -> wholeNumber(text).filter(n -> n >= min && n <= max).map(Object.class::cast);
                case UUID -> CANONICAL_UUID.matcher(text).matches()
                        ? Optional.of(java.util.UUID.fromString(text)) : Optional.empty();
            };
        }

        private static Optional<Long> wholeNumber(String text) {
            try {
                return WHOLE_NUMBER.matcher(text).matches() ? Optional.of(Long.parseLong(text)) : Optional.empty();
            } catch (NumberFormatException beyondLong) {
                return Optional.empty();
            }
        }
    }

    /**
     * The cursor that the query parameter {@code parameter} holds for {@code list}, whose sort key is made of
     * {@code key}: empty when the parameter is absent or blank (the first page), a 422 naming the parameter when it
     * holds anything else.
     */
    public static Optional<PageCursor> fromParameter(String parameter, String token, String list, List<KeyPart> key) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String[] fields = fields(token.strip()).orElseThrow(() -> notGivenOut(parameter));
        // The list's name alone tells a cursor of another list, whatever the shape of its key.
        if (!fields[0].equals(list)) {
            throw invalid(parameter, "is a cursor of the " + fields[0] + " list, not of the " + list + " list");
        }
        return Optional.of(read(fields, key).orElseThrow(() -> notGivenOut(parameter)));
    }

    /** The token's text split at its dots, the first field a list's name; empty when it is no such text. */
    private static Optional<String[]> fields(String token) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        try {
            String[] fields = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\.", -1);
            return LIST.matcher(fields[0]).matches() ? Optional.of(fields) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static Optional<PageCursor> read(String[] fields, List<KeyPart> parts) {
        if (fields.length != parts.size() + 1) {
            return Optional.empty();
        }
        List<Object> key = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Optional<Object> value = parts.get(i).read(fields[i + 1]);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            key.add(value.get());
        }
        return Optional.of(new PageCursor(fields[0], key));
    }

    private static ProblemException notGivenOut(String parameter) {
        return invalid(parameter, "is not a cursor Vigil gave out; start again from the first page without it");
    }

    private static ProblemException invalid(String parameter, String detail) {
        return new ProblemException(ProblemType.INVALID_FIELDS, "The query parameter " + parameter + " holds no valid cursor",
                List.of(new FieldError("?" + parameter, detail)));
    }
}
