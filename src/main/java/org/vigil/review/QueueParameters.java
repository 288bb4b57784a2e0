package org.vigil.review;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.vigil.classify.Category;
import org.vigil.paging.PageCursor;
import org.vigil.paging.Pages;
import org.vigil.problem.FieldError;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;
import org.vigil.triage.QueueFilter;
import org.vigil.triage.ReviewState;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The queue's filters as query parameters, shared by the JSON API and the pages. */
public class QueueParameters {

    @QueryParam("mp")
    String mp;
    @QueryParam("category")
    String category;
    @QueryParam("platform")
    String platform;
    @QueryParam("lang")
    String lang;
    @QueryParam("state")
    String state;
    @QueryParam("from")
    String from;
    @QueryParam("to")
    String to;
    @QueryParam("cursor")
    @Parameter(description = "Opaque; taken from the Link header of the previous page of the same filters. "
            + "Absent: the most urgent items")
    String cursor;
    @QueryParam("page")
    @Parameter(hidden = true)
    String page;

    /** The filter these parameters describe; a 422 problem naming each parameter that is not valid. */
    public QueueFilter filter() {
        List<FieldError> errors = new ArrayList<>();
        QueueFilter filter = new QueueFilter(
                parse("mp", mp, Long::valueOf, "must be an MP id", errors),
                parse("category", category, Category::valueOf, "must be VIOLENT, RACIST or SEXIST", errors),
                present(platform), present(lang),
                parse("state", state, ReviewState::valueOf, "must be a review state, e.g. OPEN", errors),
                parse("from", from, Instant::parse, "must be an RFC 3339 date-time in UTC", errors),
                parse("to", to, Instant::parse, "must be an RFC 3339 date-time in UTC", errors));
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_FIELDS, "Some queue filters are not valid", errors);
        }
        return filter;
    }

    /**
     * Where the page starts: just after the cursor, or at the top of the queue without one; a 422 naming ?cursor
     * for a cursor the queue did not give out, or ?page for a page number other than 0.
     */
    public Optional<PageCursor> start() {
        Pages.refuseNumberedPage(page);
        return PageCursor.fromParameter("cursor", cursor, ReviewQueryRepository.CURSOR_LIST,
                ReviewQueryRepository.CURSOR_KEY);
    }

    /** Whether the page starts below the top of the queue. */
    public boolean startsBelowTop() {
        return cursor != null && !cursor.isBlank();
    }

    /** {@code path} with the filters given (not the cursor: at the top of the queue) and {@code more}, URL-encoded. */
    public String link(String path, String... more) {
        StringBuilder query = new StringBuilder();
        appendParameter(query, "mp", mp);
        appendParameter(query, "category", category);
        appendParameter(query, "platform", platform);
        appendParameter(query, "lang", lang);
        appendParameter(query, "state", state);
        appendParameter(query, "from", from);
        appendParameter(query, "to", to);
        for (String parameter : more) {
            query.append(query.isEmpty() ? "" : "&").append(parameter);
        }
        return query.isEmpty() ? path : path + "?" + query;
    }

    /** The categories a page offers in its filter, the chosen one selected. */
    public List<Choice> categoryChoices() {
        return Arrays.stream(Category.values()).map(c -> new Choice(c.name(), c.name().equals(category))).toList();
    }

    /** The review states a page offers in its filter, the chosen one selected. */
    public List<Choice> stateChoices() {
        return Arrays.stream(ReviewState.values()).map(s -> new Choice(s.name(), s.name().equals(state))).toList();
    }

    /** An option of a filter's drop-down. */
    public record Choice(String value, boolean selected) {
    }

    // What the user typed, shown back in the filter form (escaped by the template).
    public String getMp() {
        return mp;
    }

    public String getPlatform() {
        return platform;
    }

    public String getLang() {
        return lang;
    }

    public String getFrom() {
        return from;
    }

    public String getTo() {
        return to;
    }

    private static void appendParameter(StringBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append(name).append('=').append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
        }
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    private static <T> Optional<T> parse(String name, String value, Function<String, T> parser, String rule,
                                         List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(value.strip()));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            errors.add(new FieldError("?" + name, rule));
            return Optional.empty();
        }
    }
}
