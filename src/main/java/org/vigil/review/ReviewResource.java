package org.vigil.review;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.paging.Pages;
import org.vigil.problem.Problem;
import org.vigil.security.Roles;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.vigil.problem.FieldError;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The review queue as JSON: the same operations as the review pages, for reviewers and the security unit. */
@Path("/api/v1/review")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REVIEWER, Roles.SECURITY})
@Tag(name = "Review", description = "Work the review queue: claim, read, decide")
public class ReviewResource {

    /** The largest page of the queue the API answers. */
    static final int MAX_PAGE_SIZE = 200;
    static final String QUEUE_PATH = "/api/v1/review/queue";

    private final ReviewService service;
    private final QueueEvents events;
    private final SecurityIdentity identity;
    private final ReviewConfig config;

    ReviewResource(ReviewService service, QueueEvents events, SecurityIdentity identity, ReviewConfig config) {
        this.service = service;
        this.events = events;
        this.identity = identity;
        this.config = config;
    }

    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    @Operation(summary = "Server-sent events: the id of each item as it enters the queue (empty data = keep-alive)")
    public Multi<String> events() {
        return events.stream();
    }

    @GET
    @Path("queue")
    @Operation(summary = "Items to decide, most urgent first (priority, due time, age), a page at a time, with a count "
            + "per state", description = "Every filter is optional; they combine. While more items follow, the answer "
            + "has a Link header with rel=\"next\": the same filters' next page, whose cursor continues just after the "
            + "last item shown, so no item is shown twice or skipped while others are claimed, decided or queued "
            + "(an item queued above the cursor, or re-triaged to a higher priority, shows from the top). The last page "
            + "has no Link header (and hasMore false).")
    @APIResponse(responseCode = "200", description = "One page of the queue",
            headers = @Header(name = "Link", description = "<...>; rel=\"next\": the next page, when there is one",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QueueView.class)))
    @APIResponse(responseCode = "422", description = "limit not a whole number from 1 to " + MAX_PAGE_SIZE
            + ", cursor not one the queue gave out, a bad filter, or a page number "
            + "(JSON pointer ?limit, ?cursor, ?page or the filter's in errors)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<QueueView> queue(
            @BeanParam QueueParameters parameters,
            @QueryParam("limit")
            @Parameter(description = "Items per page, 1 to " + MAX_PAGE_SIZE + " (default vigil.review.page-size, 50)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + MAX_PAGE_SIZE))
            String limit) throws SQLException {
        int size = limit == null ? config.pageSize() : Pages.limit(limit, MAX_PAGE_SIZE);
        QueueView page = service.queue(me(), parameters.filter(), parameters.start(), size);
        RestResponse.ResponseBuilder<QueueView> answer = RestResponse.ResponseBuilder.ok(page);
        page.next().ifPresent(next -> answer.links(Pages.nextLink(parameters.link(QUEUE_PATH, "limit=" + size), next)));
        return answer.build();
    }

    @POST
    @Path("queue/claim")
    @Operation(summary = "Claim the next item (under a lease); 204 when nothing waits")
    public Response claimNext(@BeanParam QueueParameters parameters) throws SQLException {
        return service.claimNext(me(), parameters.filter())
                .map(item -> Response.ok(item).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @GET
    @Path("items/{id}")
    @Operation(summary = "One item, its mention (text masked), scores, explanation, author history and history")
    public ItemView item(@PathParam("id") String id) throws SQLException {
        return service.view(me(), itemId(id));
    }

    @POST
    @Path("items/{id}/claim")
    @Operation(summary = "Claim one open item")
    public ItemView claim(@PathParam("id") String id) throws SQLException {
        return service.claim(me(), itemId(id));
    }

    @POST
    @Path("items/{id}/reveal")
    @Operation(summary = "The mention's full text; every reveal is recorded")
    public Map<String, String> reveal(@PathParam("id") String id) throws SQLException {
        return Map.of("text", service.reveal(me(), itemId(id)));
    }

    @POST
    @Path("items/{id}/lease")
    @Operation(summary = "Extend the lease on an item you hold")
    public Map<String, Instant> renewLease(@PathParam("id") String id) throws SQLException {
        return Map.of("leaseUntil", service.renewLease(me(), itemId(id)));
    }

    @POST
    @Path("items/{id}/release")
    @Operation(summary = "Give an item you hold back to the queue")
    public ItemView release(@PathParam("id") String id) throws SQLException {
        return service.release(me(), itemId(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("items/{id}/confirm")
    @Operation(summary = "Abuse: confirm, with the categories that are right")
    public ItemView confirm(@PathParam("id") String id, ReviewRequest request) throws SQLException {
        ReviewRequest body = ReviewRequest.orEmpty(request);
        return service.confirm(me(), itemId(id), body.categoryNames(), body.optionalNote());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("items/{id}/dismiss")
    @Operation(summary = "Not abusive")
    public ItemView dismiss(@PathParam("id") String id, ReviewRequest request) throws SQLException {
        return service.dismiss(me(), itemId(id), ReviewRequest.orEmpty(request).optionalNote());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("items/{id}/escalate")
    @Operation(summary = "Hand to the security unit, with a reason")
    public ItemView escalate(@PathParam("id") String id, ReviewRequest request) throws SQLException {
        ReviewRequest body = ReviewRequest.orEmpty(request);
        return service.escalate(me(), itemId(id), body.reason(), body.categoryNames());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("items/{id}/second-opinion")
    @Operation(summary = "Put back in the queue for another reviewer")
    public ItemView secondOpinion(@PathParam("id") String id, ReviewRequest request) throws SQLException {
        return service.requestSecondOpinion(me(), itemId(id), ReviewRequest.orEmpty(request).optionalNote());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("items/{id}/hand-over")
    @Operation(summary = "Give an item you hold to a named colleague")
    public ItemView handOver(@PathParam("id") String id, ReviewRequest request) throws SQLException {
        ReviewRequest body = ReviewRequest.orEmpty(request);
        return service.handOver(me(), itemId(id), body.to(), body.optionalNote());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("items/{id}/hold")
    @Operation(summary = "Wait for information: the lease pauses and nobody else gets the item")
    public ItemView hold(@PathParam("id") String id, ReviewRequest request) throws SQLException {
        return service.hold(me(), itemId(id), ReviewRequest.orEmpty(request).optionalNote());
    }

    @POST
    @Path("items/{id}/resume")
    @Operation(summary = "Take an item off hold")
    public ItemView resume(@PathParam("id") String id) throws SQLException {
        return service.resume(me(), itemId(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("items/{id}/reopen")
    @Operation(summary = "Reopen a decided item, with a reason; you then hold it")
    public ItemView reopen(@PathParam("id") String id, ReviewRequest request) throws SQLException {
        return service.reopen(me(), itemId(id), ReviewRequest.orEmpty(request).reason());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("items/{id}/notes")
    @Operation(summary = "Add a note")
    public ItemView note(@PathParam("id") String id, ReviewRequest request) throws SQLException {
        return service.note(me(), itemId(id), ReviewRequest.orEmpty(request).note());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("items/{id}/group-decision")
    @Operation(summary = "Decide once for the item's campaign, pile-on or author: every open item of the group (and "
            + "those you hold) gets the decision, and the group is marked handled, so later repeats are folded into "
            + "it instead of alerting until one brings a higher score, a new doxxing sign or a new MP")
    public GroupDecision decideGroup(@PathParam("id") String id, GroupDecisionRequest request) throws SQLException {
        return service.decideGroup(me(), itemId(id), request == null
                ? new GroupDecisionRequest(null, null, null, null, null) : request);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("dismissals")
    @Operation(summary = "Dismiss several open items (or items you hold) at once; answers those dismissed")
    public Map<String, List<UUID>> dismissAll(BulkDismissal request) throws SQLException {
        if (request == null || request.items() == null || request.items().isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_FIELDS, "Name the items to dismiss",
                    List.of(new FieldError("/items", "must list at least one item id")));
        }
        return Map.of("dismissed", service.dismissAll(me(), request.items(), Optional.ofNullable(request.note())));
    }

    @GET
    @Path("wellbeing")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "For admins: how many items each reviewer read today, and the break threshold")
    public ReviewService.Wellbeing wellbeing() throws SQLException {
        return service.wellbeing();
    }

    /** Several items to dismiss at once. */
    public record BulkDismissal(List<UUID> items, String note) {
    }

    private String me() {
        return identity.getPrincipal().getName();
    }

    static UUID itemId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No review item " + id);
        }
    }
}
