package org.vigil.review;

import jakarta.ws.rs.QueryParam;
import org.vigil.classify.Category;
import org.vigil.problem.FieldError;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;
import org.vigil.triage.QueueFilter;
import org.vigil.triage.ReviewState;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
    @QueryParam("page")
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

    public int page() {
        List<FieldError> errors = new ArrayList<>();
        int number = parse("page", page, Integer::valueOf, "must be a page number from 0", errors)
                .filter(n -> n >= 0).orElse(0);
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_FIELDS, "The page is not valid", errors);
        }
        return number;
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
