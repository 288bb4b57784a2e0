package org.vigil.escalation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.SystemException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.vigil.security.Roles;
import org.vigil.triage.rules.InvalidRulesException;
import org.vigil.triage.rules.RuleRepository;
import org.vigil.triage.rules.RuleService;
import org.vigil.triage.rules.RuleStore;
import org.vigil.triage.rules.RuleTrial;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The escalation rules page for admins: the rules in force and their versions, and an edit form whose
 * buttons validate, try the draft on recent mentions, or save it as the next version. A refused edit shows
 * the form again with the draft and every problem, naming the rule; nothing is saved.
 */
@Path("/admin/rules")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
@Blocking
public class RulesPage {

    static final int HISTORY = 50;
    static final int DEFAULT_DAYS = 7;

    @CheckedTemplate(basePath = "escalation")
    static class Templates {
        static native TemplateInstance rules(RulesView view);
    }

    /**
     * What the page shows.
     *
     * @param saved    when and by whom the version in force was saved; empty for the shipped defaults
     * @param problems why the draft was refused, each naming the rule
     * @param valid    the number of rules of a draft that validated; 0 when not validated
     * @param trial    what the draft would have done, when tried
     */
    public record RulesView(RuleStore.Versioned inForce, Optional<RuleRepository.RuleVersion> saved,
                            List<RuleRepository.RuleVersion> history, String draft, int basedOn, int days,
                            List<String> problems, int valid, int savedVersion, RuleTrial.TrialReport trial) {
    }

    private final RuleService rules;
    private final RuleTrial trial;
    private final SecurityIdentity identity;

    RulesPage(RuleService rules, RuleTrial trial, SecurityIdentity identity) {
        this.rules = rules;
        this.trial = trial;
        this.identity = identity;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance show(@QueryParam("saved") int savedVersion) throws SQLException {
        RuleStore.Versioned current = rules.current();
        return Templates.rules(view(current.text(), current.version(), DEFAULT_DAYS, List.of(), 0, savedVersion, null));
    }

    @POST
    @Path("validate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response validate(@BeanParam Draft draft) throws SQLException {
        try {
            int count = rules.validate(draft.file()).rules().size();
            return Response.ok(page(draft, List.of(), count, null)).build();
        } catch (InvalidRulesException e) {
            return refused(422, draft, e.problems());
        }
    }

    @POST
    @Path("try")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response tryDraft(@BeanParam Draft draft) throws SQLException, SystemException {
        try {
            return Response.ok(page(draft, List.of(), 0, trial.run(draft.file(), draft.days()))).build();
        } catch (InvalidRulesException e) {
            return refused(422, draft, e.problems());
        } catch (IllegalArgumentException e) {
            return refused(422, draft, List.of(e.getMessage()));
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response save(@BeanParam Draft draft) throws SQLException {
        try {
            int version = rules.save(draft.file(), draft.basedOn(), identity.getPrincipal().getName());
            return Response.seeOther(URI.create("/admin/rules?saved=" + version)).build();
        } catch (InvalidRulesException e) {
            return refused(422, draft, e.problems());
        } catch (RuleService.RulesChangedException e) {
            return refused(409, draft, List.of(e.getMessage()));
        }
    }

    /** The form again with the draft as posted and why it was refused; nothing was saved. */
    private Response refused(int status, Draft draft, List<String> problems) throws SQLException {
        return Response.status(status).entity(page(draft, problems, 0, null)).build();
    }

    private TemplateInstance page(Draft draft, List<String> problems, int valid, RuleTrial.TrialReport report)
            throws SQLException {
        return Templates.rules(view(draft.file(), draft.basedOn(), draft.days(), problems, valid, 0, report));
    }

    private RulesView view(String text, int basedOn, int days, List<String> problems, int valid, int savedVersion,
                           RuleTrial.TrialReport report) throws SQLException {
        RuleStore.Versioned current = rules.current();
        List<RuleRepository.RuleVersion> history = rules.history(HISTORY);
        Optional<RuleRepository.RuleVersion> saved = history.stream()
                .filter(version -> version.version() == current.version()).findFirst();
        return new RulesView(current, saved, history, text, basedOn, days, problems, valid, savedVersion, report);
    }

    /** The edit form as posted; a missing or malformed number becomes -1, which is refused with a clear message. */
    public static class Draft {
        @FormParam("file")
        String file;
        @FormParam("basedOn")
        String basedOn;
        @FormParam("days")
        String days;

        String file() {
            return file == null ? "" : file;
        }

        int basedOn() {
            return number(basedOn);
        }

        int days() {
            return number(days);
        }

        private static int number(String text) {
            try {
                return text == null ? -1 : Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}
