package org.vigil.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.audit.AuditLog;
import org.vigil.audit.AuditPage;
import org.vigil.audit.AuditQuery;
import org.vigil.problem.FieldError;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;
import org.vigil.security.Roles;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Searching the audit log, for admins: as JSON and as a page with the same filters. */
@Path("/")
@RolesAllowed(Roles.ADMIN)
@Blocking
@Tag(name = "Admin: audit", description = "The append-only audit log (role admin)")
public class AuditAdminResource {

    private static final int PAGE_SIZE = 50;

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance audit(Filters filters, AuditPage result);
    }

    /** The filters, as query parameters; dates are RFC 3339 instants or, from the page's inputs, UTC local times. */
    public static class Filters {
        @QueryParam("actor") public String actor;
        @QueryParam("action") public String action;
        @QueryParam("objectType") public String objectType;
        @QueryParam("objectId") public String objectId;
        @QueryParam("from") public String from;
        @QueryParam("to") public String to;
        @QueryParam("page") public int page;

        AuditQuery toQuery() {
            return new AuditQuery(Optional.ofNullable(actor), Optional.ofNullable(action), Optional.ofNullable(objectType),
                    Optional.ofNullable(objectId), instant("/from", from), instant("/to", to), page, PAGE_SIZE);
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

        /** The same search one page newer (-1) or older (+1), URL-encoded. */
        public String link(int pages) {
            return "/admin/audit?" + String.join("&", param("actor", actor), param("action", action),
                    param("objectType", objectType), param("objectId", objectId), param("from", from), param("to", to),
                    "page=" + Math.max(0, page + pages));
        }

        private static String param(String name, String value) {
            return name + "=" + URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
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
    @Operation(summary = "Search the audit log, newest first, 50 per page (page counts from 0)")
    public AuditPage search(@BeanParam Filters filters) {
        return audit.search(filters.toQuery());
    }

    @GET
    @Path("admin/audit")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance page(@BeanParam Filters filters) {
        return Templates.audit(filters, audit.search(filters.toQuery()));
    }
}
