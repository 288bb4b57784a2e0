package org.vigil.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.vigil.audit.AuditLog;
import org.vigil.audit.AuditPage;
import org.vigil.audit.AuditQuery;
import org.vigil.paging.PageCursor;
import org.vigil.paging.Pages;
import org.vigil.problem.FieldError;
import org.vigil.problem.Problem;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;
import org.vigil.security.Roles;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Searching the audit log, for admins: as JSON and as a page with the same filters, a page at a time. */
@Path("/")
@RolesAllowed(Roles.ADMIN)
@Blocking
@Tag(name = "Admin: audit", description = "The append-only audit log (role admin)")
public class AuditAdminResource {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final String API_PATH = "/api/v1/admin/audit";
    static final String PAGE_PATH = "/admin/audit";

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance audit(Filters filters, AuditPage result, Optional<String> olderLink,
                                             Optional<String> newestLink);
    }

    /**
     * The filters and where the page starts, as query parameters; dates are RFC 3339 instants or, from the page's
     * inputs, UTC local times.
     */
    public static class Filters {
        @QueryParam("actor") public String actor;
        @QueryParam("action") public String action;
        @QueryParam("objectType") public String objectType;
        @QueryParam("objectId") public String objectId;
        @QueryParam("from") public String from;
        @QueryParam("to") public String to;
        @QueryParam("cursor")
        @Parameter(description = "Opaque; taken from the Link header of the previous page of the same search. "
                + "Absent: the newest events")
        public String cursor;
        @QueryParam("page")
        @Parameter(hidden = true)
        public String page;

        AuditQuery toQuery(int pageSize) {
            Pages.refuseNumberedPage(page);
            return new AuditQuery(Optional.ofNullable(actor), Optional.ofNullable(action), Optional.ofNullable(objectType),
                    Optional.ofNullable(objectId), instant("/from", from), instant("/to", to),
                    PageCursor.fromParameter("cursor", cursor, AuditQuery.CURSOR_LIST, AuditQuery.CURSOR_KEY), pageSize);
        }

        public String getActor() {
            return actor == null ? "" : actor;
        }

        public String getAction() {
            return action == null ? "" : action;
        }

        public String getObjectType() {
            return objectType == null ? "" : objectType;
        }

        public String getObjectId() {
            return objectId == null ? "" : objectId;
        }

        public String getFrom() {
            return from == null ? "" : from;
        }

        public String getTo() {
            return to == null ? "" : to;
        }

        boolean startsBelowNewest() {
            return cursor != null && !cursor.isBlank();
        }

        /** {@code path} with the filters given (not the cursor: at the newest events) and {@code more}, URL-encoded. */
        String link(String path, String... more) {
            Map<String, String> given = new LinkedHashMap<>();
            given.put("actor", actor);
            given.put("action", action);
            given.put("objectType", objectType);
            given.put("objectId", objectId);
            given.put("from", from);
            given.put("to", to);
            List<String> query = new ArrayList<>();
            given.forEach((name, value) -> {
                if (value != null && !value.isBlank()) {
                    query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
                }
            });
            query.addAll(List.of(more));
            return query.isEmpty() ? path : path + "?" + String.join("&", query);
        }

        private static Optional<Instant> instant(String pointer, String text) {
            if (text == null || text.isBlank()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Instant.parse(text.strip()));
            } catch (DateTimeParseException notAnInstant) {
                try {
                    return Optional.of(LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC));
                } catch (DateTimeParseException e) {
                    throw new ProblemException(ProblemType.INVALID_FIELDS, "Unreadable date",
                            List.of(new FieldError(pointer, "must be an RFC 3339 date-time, e.g. 2026-11-29T10:00:00Z")));
                }
            }
        }
    }

    private final AuditLog audit;

    AuditAdminResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    @Path("api/v1/admin/audit")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search the audit log, newest first, a page at a time",
            description = "Every filter is optional; they combine. While older events follow, the answer has a Link "
                    + "header with rel=\"next\": the same search's next page, whose cursor continues strictly below the "
                    + "last event shown, so no event is shown twice or skipped, even while new ones are recorded. The "
                    + "last page has no Link header (and hasMore false).")
    @APIResponse(responseCode = "200", description = "One page of events",
            headers = @Header(name = "Link", description = "<...>; rel=\"next\": the next (older) page, when there is one",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditPage.class)))
    @APIResponse(responseCode = "422", description = "limit not a whole number from 1 to " + AuditQuery.MAX_PAGE_SIZE
            + ", cursor not one the audit log gave out, an unreadable date, or a page number "
            + "(JSON pointer ?limit, ?cursor, /from, /to or ?page in errors)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<AuditPage> search(
            @BeanParam Filters filters,
            @QueryParam("limit") @DefaultValue("" + DEFAULT_PAGE_SIZE)
            @Parameter(description = "Events per page, 1 to " + AuditQuery.MAX_PAGE_SIZE + " (default "
                    + DEFAULT_PAGE_SIZE + ")", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + AuditQuery.MAX_PAGE_SIZE, defaultValue = "" + DEFAULT_PAGE_SIZE)) String limit) {
        int size = Pages.limit(limit, AuditQuery.MAX_PAGE_SIZE);
        AuditPage page = audit.search(filters.toQuery(size));
        RestResponse.ResponseBuilder<AuditPage> answer = RestResponse.ResponseBuilder.ok(page);
        page.next().ifPresent(next -> answer.links(Pages.nextLink(filters.link(API_PATH, "limit=" + size), next)));
        return answer.build();
    }

    @GET
    @Path("admin/audit")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance page(@BeanParam Filters filters) {
        AuditPage result = audit.search(filters.toQuery(DEFAULT_PAGE_SIZE));
        String newest = filters.link(PAGE_PATH);
        return Templates.audit(filters, result, result.next().map(next -> Pages.withCursor(newest, next)),
                filters.startsBelowNewest() ? Optional.of(newest) : Optional.empty());
    }
}
