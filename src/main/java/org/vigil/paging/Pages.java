package org.vigil.paging;

import jakarta.ws.rs.core.Link;
import org.vigil.problem.FieldError;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;

import java.net.URI;
import java.util.List;

/** What every list paged by {@link PageCursor} reads from a request and answers alongside its page. */
public final class Pages {

    private Pages() {
    }

    /** The page size asked for in {@code ?limit}: a whole number from 1 to {@code max}, else a 422 naming {@code ?limit}. */
    public static int limit(String limit, int max) {
        try {
            int size = Integer.parseInt(limit.strip());
            if (size >= 1 && size <= max) {
                return size;
            }
        } catch (NumberFormatException notAWholeNumber) {
            // refused below, like a number out of range
        }
        throw new ProblemException(ProblemType.INVALID_FIELDS, "limit must be from 1 to " + max,
                List.of(new FieldError("?limit", "must be a whole number from 1 to " + max)));
    }

    /**
     * Refuses a page number other than 0 in {@code ?page}, with a 422 naming it. Lists were numbered before they were
     * keyset: a client still counting pages would otherwise get the first page again and again.
     */
    public static void refuseNumberedPage(String page) {
        if (page != null && !page.isBlank() && !page.strip().equals("0")) {
            throw new ProblemException(ProblemType.INVALID_FIELDS, "Pages are no longer numbered",
                    List.of(new FieldError("?page", "is no longer read: follow the next page's link (the Link header "
                            + "of the API, the next page's link on the web page), which holds a cursor")));
        }
    }

    /** {@code page} (a path with its query, already URL-encoded) continued after {@code next}, in {@code ?cursor}. */
    public static String withCursor(String page, PageCursor next) {
        // Tokens are base64url, safe in a query as they are.
        return page + (page.contains("?") ? "&" : "?") + "cursor=" + next.token();
    }

    /** The {@code Link: <...>; rel="next"} header of a page that more rows follow. */
    public static Link nextLink(String page, PageCursor next) {
        return Link.fromUri(URI.create(withCursor(page, next))).rel("next").build();
    }
}
