package org.vigil.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigil.problem.FieldError;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;
import org.vigil.request.JsonBody;
import org.vigil.request.LanguageTag;
import org.vigil.request.TextLength;
import org.vigil.request.UnicodeText;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a delivery body into validated mentions. Every error names the offending field by JSON
 * pointer, so a sender can fix exactly that; an invalid item never hides its valid neighbours.
 */
@ApplicationScoped
public class MentionParser {

    static final int MAX_ID_LENGTH = 256;
    static final int MAX_URL_LENGTH = 2048;
    private static final Instant EARLIEST_POST = Instant.parse("1990-01-01T00:00:00Z");
    private static final Duration MAX_CLOCK_AHEAD = Duration.ofDays(1);

    private final JsonBody json;
    private final Clock clock;
    private final int maxItems;
    private final TextLength textLength;

    MentionParser(JsonBody json, Clock clock, IngestConfig config, TextLength textLength) {
        this.json = json;
        this.clock = clock;
        this.maxItems = config.maxItems();
        this.textLength = textLength;
    }

    public ParsedDelivery parse(byte[] body) {
        JsonNode root = json.read(body);
        if (!root.isObject()) {
            throw invalid("", "The body must be a mention object or {\"mentions\": [...]}");
        }
        if (!root.has("mentions")) {
            return new ParsedDelivery(false, List.of(parseItem(0, root, "")));
        }
        JsonNode mentions = root.get("mentions");
        if (!mentions.isArray() || mentions.isEmpty()) {
            throw invalid("/mentions", "must be a non-empty array of mentions");
        }
        if (mentions.size() > maxItems) {
            throw new ProblemException(ProblemType.TOO_MANY_ITEMS,
                    "A delivery holds at most %d mentions; this one holds %d".formatted(maxItems, mentions.size()));
        }
        List<ParsedItem> items = new ArrayList<>(mentions.size());
        for (int i = 0; i < mentions.size(); i++) {
            items.add(parseItem(i, mentions.get(i), "/mentions/" + i));
        }
        return new ParsedDelivery(true, items);
    }

    private ParsedItem parseItem(int index, JsonNode node, String at) {
        if (!node.isObject()) {
            return ParsedItem.rejected(index, RejectionReason.INVALID_FIELDS,
                    List.of(new FieldError(at, "must be a mention object")));
        }
        Fields f = new Fields(node, at);
        Platform platform = f.requiredString("platform", 32).flatMap(code -> {
            Optional<Platform> known = Platform.fromCode(code);
            if (known.isEmpty()) {
                f.error("platform", "must be one of " + Platform.CODES);
            }
            return known;
        }).orElse(null);
        String externalId = f.requiredString("externalId", MAX_ID_LENGTH).orElse(null);
        Long mpId = f.optionalPositiveLong("mp");
        String mpHandle = f.optionalString("mpHandle", MAX_ID_LENGTH);
        if (mpId == null && mpHandle == null && !f.hasErrorAt("mp") && !f.hasErrorAt("mpHandle")) {
            f.error("mpHandle", "mpHandle or mp is required");
        }
        Fields author = f.object("author");
        String authorId = author == null ? null : author.optionalString("id", MAX_ID_LENGTH);
        String authorHandle = author == null ? null : author.optionalString("handle", MAX_ID_LENGTH);
        String authorName = author == null ? null : author.optionalString("displayName", MAX_ID_LENGTH);
        if (author != null && authorId == null && authorHandle == null && !author.hasErrors()) {
            f.error("author", "author.id or author.handle is required");
        }
        // Text may be empty (a mention that is only a picture); its length is checked below with its own reason.
        String text = f.requiredText("text").orElse(null);
        String url = f.optionalString("url", MAX_URL_LENGTH);
        if (url != null && !isWebUrl(url)) {
            f.error("url", "must be an absolute http or https URL");
        }
        Instant postedAt = f.requiredString("postedAt", 64).flatMap(value -> parseInstant(f, value)).orElse(null);
        String inReplyTo = f.optionalString("inReplyTo", MAX_ID_LENGTH);
        String lang = f.optionalString("lang", LanguageTag.MAX_LENGTH);
        if (lang != null && !LanguageTag.isValid(lang)) {
            f.error("lang", "must be a language tag such as en or fr-CA");
        }
        if (f.hasErrors() || (author != null && author.hasErrors())) {
            List<FieldError> errors = new ArrayList<>(f.errors);
            if (author != null) {
                errors.addAll(author.errors);
            }
            return ParsedItem.rejected(index, RejectionReason.INVALID_FIELDS, errors);
        }
        Optional<String> tooLong = textLength.problem(text);
        if (tooLong.isPresent()) {
            return ParsedItem.rejected(index, RejectionReason.TEXT_TOO_LONG,
                    List.of(new FieldError(at + "/text", tooLong.get())));
        }
        return ParsedItem.valid(index, new IncomingMention(platform, externalId, mpId, mpHandle, authorId,
                authorHandle, authorName, text, url, postedAt, inReplyTo, lang == null ? null : lang.toLowerCase()));
    }

    private Optional<Instant> parseInstant(Fields f, String value) {
        Instant postedAt;
        try {
            postedAt = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            f.error("postedAt", "must be an RFC 3339 date-time with offset, such as 2026-11-28T10:00:00Z");
            return Optional.empty();
        }
        // The database keeps microseconds; finer digits would be dropped, and the stored time would differ.
        if (postedAt.getNano() % 1_000 != 0) {
            f.error("postedAt", "must have at most 6 fractional digits (microseconds)");
            return Optional.empty();
        }
        // Also keeps absurd years away from the database, which would refuse them with an error of its own.
        if (postedAt.isBefore(EARLIEST_POST) || postedAt.isAfter(clock.instant().plus(MAX_CLOCK_AHEAD))) {
            f.error("postedAt", "must lie between " + EARLIEST_POST + " and one day from now");
            return Optional.empty();
        }
        return Optional.of(postedAt);
    }

    private static boolean isWebUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static ProblemException invalid(String pointer, String detail) {
        return new ProblemException(ProblemType.INVALID_FIELDS, "The body is not a valid delivery",
                List.of(new FieldError(pointer, detail)));
    }

    /** Reads the fields of one JSON object, collecting an error per bad field. */
    private static final class Fields {
        private final JsonNode node;
        private final String at;
        private final List<FieldError> errors = new ArrayList<>();

        Fields(JsonNode node, String at) {
            this.node = node;
            this.at = at;
        }

        void error(String field, String detail) {
            errors.add(new FieldError(at + "/" + field, detail));
        }

        boolean hasErrors() {
            return !errors.isEmpty();
        }

        boolean hasErrorAt(String field) {
            String pointer = at + "/" + field;
            return errors.stream().anyMatch(e -> e.pointer().equals(pointer));
        }

        Optional<String> requiredString(String field, int maxLength) {
            return required(field).map(value -> checkedString(field, value, maxLength, false));
        }

        Optional<String> requiredText(String field) {
            return required(field).map(value -> checkedString(field, value, Integer.MAX_VALUE, true));
        }

        String optionalString(String field, int maxLength) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : checkedString(field, value, maxLength, false);
        }

        private Optional<JsonNode> required(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                error(field, "is required");
                return Optional.empty();
            }
            return Optional.of(value);
        }

        Long optionalPositiveLong(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.canConvertToExactIntegral() || !value.canConvertToLong() || value.asLong() < 1) {
                error(field, "must be a positive integer");
                return null;
            }
            return value.asLong();
        }

        Fields object(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                error(field, "is required");
                return null;
            }
            if (!value.isObject()) {
                error(field, "must be an object");
                return null;
            }
            return new Fields(value, at + "/" + field);
        }

        private String checkedString(String field, JsonNode value, int maxLength, boolean blankAllowed) {
            if (!value.isTextual()) {
                error(field, "must be a string");
                return null;
            }
            String text = value.textValue();
            if (text.indexOf('\u0000') >= 0) {
                error(field, "must not contain NUL characters");
                return null;
            }
            Optional<String> notText = UnicodeText.problem(text);
            if (notText.isPresent()) {
                error(field, notText.get());
                return null;
            }
            if (!blankAllowed && text.isBlank()) {
                error(field, "must not be blank");
                return null;
            }
            if (text.length() > maxLength) {
                error(field, "must be at most " + maxLength + " characters");
                return null;
            }
            return text;
        }
    }
}
