package org.vigil.escalation;

import io.quarkus.qute.Engine;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The acknowledgement link of an alert email. Opening it (GET) only shows a confirmation page, because
 * mail scanners follow links; the button on that page (POST) acknowledges.
 */
@Path("/escalation/ack/{token}")
@Produces(MediaType.TEXT_HTML)
public class AckResource {

    private final AckLinks links;
    private final CaseService cases;
    private final Engine engine;
    private final Clock clock;

    AckResource(AckLinks links, CaseService cases, Engine engine, Clock clock) {
        this.links = links;
        this.cases = cases;
        this.engine = engine;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Confirmation page of an acknowledgement link; acknowledges nothing")
    public Response confirm(@PathParam("token") String token) throws SQLException {
        Optional<AckLinks.AckClaim> claim = valid(token);
        if (claim.isEmpty()) {
            return invalid(token);
        }
        Optional<EscalationCase> escalation = cases.find(claim.get().caseId());
        if (escalation.isEmpty()) {
            return page(Response.Status.NOT_FOUND, "invalid", Map.of());
        }
        String state = escalation.get().state() == CaseState.OPEN ? "confirm" : "taken";
        return page(Response.Status.OK, state, describe(escalation.get(), claim.get()));
    }

    @POST
    @Operation(summary = "Acknowledges the case of a valid acknowledgement link and tells everyone alerted")
    public Response acknowledge(@PathParam("token") String token) throws SQLException {
        Optional<AckLinks.AckClaim> claim = valid(token);
        if (claim.isEmpty()) {
            return invalid(token);
        }
        boolean taken = cases.acknowledge(claim.get().caseId(), claim.get().address());
        EscalationCase escalation = cases.find(claim.get().caseId()).orElseThrow();
        return page(Response.Status.OK, taken ? "acknowledged" : "taken", describe(escalation, claim.get()));
    }

    private static Map<String, Object> describe(EscalationCase escalation, AckLinks.AckClaim claim) {
        return Map.of("priority", escalation.priority().name(), "caseState", escalation.state().name(),
                "takenBy", escalation.acknowledgedBy().orElse(""), "address", claim.address());
    }

    private Optional<AckLinks.AckClaim> valid(String token) {
        return links.verify(token).filter(claim -> claim.expires().isAfter(clock.instant()));
    }

    private Response invalid(String token) {
        boolean expired = links.verify(token).isPresent();
        return page(expired ? Response.Status.GONE : Response.Status.NOT_FOUND, expired ? "expired" : "invalid", Map.of());
    }

    private Response page(Response.Status status, String state, Map<String, Object> data) {
        var page = engine.getTemplate("escalation/ack.html").data("state", state);
        data.forEach(page::data);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                .entity(page.render()).build();
    }
}
