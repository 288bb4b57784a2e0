package org.vigil.triage.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.problem.FieldError;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;

import jakarta.transaction.SystemException;

import java.sql.SQLException;
import java.util.List;

/** The escalation rules as admins read and edit them; every edit is validated whole and versioned. */
@Path("/api/v1/escalation/rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Escalation")
public class RulesResource {

    private final RuleService rules;
    private final RuleTrial trial;
    private final ObjectMapper json;

    RulesResource(RuleService rules, RuleTrial trial, ObjectMapper json) {
        this.rules = rules;
        this.trial = trial;
        this.json = json;
    }

    /** @param version the stored version (0: the defaults shipped in Vigil) */
    public record RulesDocument(int version, JsonNode file) {
    }

    /** @param basedOn the version the edit started from; refused when another was saved since */
    public record RulesEdit(int basedOn, JsonNode file) {
    }

    /** @param days how far back to look, {@value RuleTrial#MIN_DAYS} to {@value RuleTrial#MAX_DAYS} */
    public record RulesDraft(@Schema(implementation = Integer.class, required = true, minimum = "1", maximum = "90",
            description = "how many days back, counted from now") JsonNode days,
                             @Schema(required = true, description = "the draft rule file") JsonNode file) {
    }

    /** @param rules how many rules the file holds */
    public record Validation(boolean valid, int rules) {
    }

    @GET
    @RolesAllowed({"security", "admin"})
    @Operation(summary = "The rules in force and their version")
    public RulesDocument current() throws SQLException, JsonProcessingException {
        RuleStore.Versioned current = rules.current();
        return new RulesDocument(current.version(), json.readTree(current.text()));
    }

    @POST
    @Path("/validate")
    @RolesAllowed("admin")
    @Operation(summary = "Checks a rule file without saving it; 422 invalid-rules lists every problem by rule")
    public Validation validate(String body) throws JsonProcessingException {
        RulesEdit edit = read(body, RulesEdit.class);
        return new Validation(true, parse(edit == null ? null : edit.file()).rules().size());
    }

    @POST
    @Path("/try")
    @RolesAllowed("admin")
    @Operation(summary = "What a draft rule file would have done to the mentions triaged in the last days (1 to 90), "
            + "compared with the rules in force; saves and sends nothing")
    public RuleTrial.TrialReport tryDraft(String body) throws SQLException, JsonProcessingException, SystemException {
        RulesDraft draft = read(body, RulesDraft.class);
        parse(draft == null ? null : draft.file());
        JsonNode days = draft.days();
        if (days == null || !days.isIntegralNumber() || !days.canConvertToInt()
                || days.intValue() < RuleTrial.MIN_DAYS || days.intValue() > RuleTrial.MAX_DAYS) {
            throw new ProblemException(ProblemType.INVALID_FIELDS, "days is out of range", List.of(new FieldError(
                    "/days", "must be a whole number from " + RuleTrial.MIN_DAYS + " to " + RuleTrial.MAX_DAYS)));
        }
        return trial.run(pretty(draft.file()), days.intValue());
    }

    @PUT
    @RolesAllowed("admin")
    @Operation(summary = "Saves a rule file as the next version; refused whole when any rule is invalid")
    public RulesDocument save(String body, @Context SecurityContext user) throws SQLException, JsonProcessingException {
        RulesEdit edit = read(body, RulesEdit.class);
        parse(edit == null ? null : edit.file());
        try {
            int version = rules.save(pretty(edit.file()), edit.basedOn(), user.getUserPrincipal().getName());
            return new RulesDocument(version, edit.file());
        } catch (RuleService.RulesChangedException e) {
            throw new ProblemException(ProblemType.RULES_CHANGED, e.getMessage());
        }
    }

    /** Read here rather than by the framework, so malformed JSON gets the same problem as everywhere else. */
    private <T> T read(String body, Class<T> type) throws JsonProcessingException {
        return json.readValue(body == null ? "" : body, type);
    }

    private RuleSet parse(JsonNode file) {
        if (file == null || file.isNull()) {
            throw new ProblemException(ProblemType.INVALID_FIELDS, "The body needs \"file\"",
                    List.of(new FieldError("/file", "required")));
        }
        try {
            return rules.validate(pretty(file));
        } catch (InvalidRulesException e) {
            throw new ProblemException(ProblemType.INVALID_RULES, e.problems().size() + " problem(s) in the rule file",
                    e.problems().stream().map(problem -> new FieldError("/file", problem)).toList());
        }
    }

    private String pretty(JsonNode file) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(file);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree is always writable", e);
        }
    }
}
