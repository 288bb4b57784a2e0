package org.vigil.review;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.vigil.paging.Pages;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;
import org.vigil.security.Roles;
import org.vigil.triage.QueueFilter;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The review pages: the queue and one item. Every change is a form post (with the CSRF token) that ends
 * in a redirect, so reloading a page never repeats a decision. Decisions move on to the next item.
 */
@Path("/review")
@RolesAllowed({Roles.REVIEWER, Roles.SECURITY})
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ReviewPageResource {

    @CheckedTemplate(basePath = "review")
    static class Templates {
        static native TemplateInstance queue(QueueView queue, QueueParameters filter, boolean empty,
                                             Optional<String> nextLink, Optional<String> topLink);

        static native TemplateInstance item(ItemView view, ItemPage page);

        static native TemplateInstance wellbeing(ReviewService.Wellbeing wellbeing);
    }

    static final String PATH = "/review";

    private final ReviewService service;
    private final SecurityIdentity identity;
    private final ReviewConfig config;

    ReviewPageResource(ReviewService service, SecurityIdentity identity, ReviewConfig config) {
        this.service = service;
        this.identity = identity;
        this.config = config;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance queue(@BeanParam QueueParameters filter, @QueryParam("empty") boolean empty)
            throws SQLException {
        QueueView queue = service.queue(me(), filter.filter(), filter.start(), config.pageSize());
        String top = filter.link(PATH);
        return Templates.queue(queue, filter, empty, queue.next().map(next -> Pages.withCursor(top, next)),
                filter.startsBelowTop() ? Optional.of(top) : Optional.empty());
    }

    @GET
    @Path("wellbeing")
    @RolesAllowed(Roles.ADMIN)
    @Operation(hidden = true)
    public TemplateInstance wellbeing() throws SQLException {
        return Templates.wellbeing(service.wellbeing());
    }

    @POST
    @Path("next")
    @Operation(hidden = true)
    public Response next(@BeanParam QueueParameters filter) throws SQLException {
        return nextItem(filter.filter());
    }

    @GET
    @Path("items/{id}")
    @Operation(hidden = true)
    public TemplateInstance item(@PathParam("id") String id, @QueryParam("problem") String problem)
            throws SQLException {
        ItemView view = service.view(me(), ReviewResource.itemId(id));
        return Templates.item(view, ItemPage.of(view, me(), Optional.ofNullable(problem)));
    }

    @POST
    @Path("items/{id}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response act(@PathParam("id") String id, @PathParam("action") String action,
                        @FormParam("categories") List<String> categories, @FormParam("note") String note,
                        @FormParam("reason") String reason, @FormParam("to") String to,
                        @FormParam("group") String group, @FormParam("decision") String decision) throws SQLException {
        UUID item = ReviewResource.itemId(id);
        Optional<String> optionalNote = Optional.ofNullable(note);
        try {
            switch (action) {
                case "claim" -> service.claim(me(), item);
                case "release" -> service.release(me(), item);
                case "hold" -> service.hold(me(), item, optionalNote);
                case "resume" -> service.resume(me(), item);
                case "reopen" -> service.reopen(me(), item, reason);
                case "notes" -> service.note(me(), item, note);
                case "group" -> service.decideGroup(me(), item,
                        new GroupDecisionRequest(group, decision, categories, note, reason));
                case "confirm" -> {
                    service.confirm(me(), item, categories, optionalNote);
                    return nextItem(QueueFilter.none());
                }
                case "dismiss" -> {
                    service.dismiss(me(), item, optionalNote);
                    return nextItem(QueueFilter.none());
                }
                case "escalate" -> {
                    service.escalate(me(), item, reason, categories);
                    return nextItem(QueueFilter.none());
                }
                case "second-opinion" -> {
                    service.requestSecondOpinion(me(), item, optionalNote);
                    return nextItem(QueueFilter.none());
                }
                case "hand-over" -> {
                    service.handOver(me(), item, to, optionalNote);
                    return nextItem(QueueFilter.none());
                }
                default -> throw new ProblemException(ProblemType.NOT_FOUND,
                        "No review action " + action);
            }
        } catch (ProblemException e) {
            if (e.type().status() == 404) {
                throw e;
            }
            return seeOther("/review/items/" + item + "?problem=" + e.type().slug());
        }
        return seeOther("/review/items/" + item);
    }

    @POST
    @Path("dismissals")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response dismissSelected(@FormParam("item") List<String> items, @FormParam("note") String note)
            throws SQLException {
        if (items != null && !items.isEmpty()) {
            service.dismissAll(me(), items.stream().map(ReviewResource::itemId).toList(), Optional.ofNullable(note));
        }
        return seeOther("/review");
    }

    private Response nextItem(QueueFilter filter) throws SQLException {
        return service.claimNext(me(), filter)
                .map(view -> seeOther("/review/items/" + view.item().id()))
                .orElseGet(() -> seeOther("/review?empty=true"));
    }

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    private String me() {
        return identity.getPrincipal().getName();
    }
}
