package org.vigil.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * Writes the audit log. Call it from inside your @Transactional service method: the event commits or rolls
 * back with your change (it joins the caller's transaction; without one it commits on its own).
 * <pre>{@code auditLog.record("review.decide", "review_item", itemId.toString(), beforeDto, afterDto);}</pre>
 * {@code before}/{@code after} are serialised as JSON (pass DTO records, never entities or secrets; null
 * for none). The actor is the logged-in user, or "system" outside a request.
 */
@ApplicationScoped
public class AuditLog {

    /** The actor of events that no logged-in user caused (startup, scheduled jobs). */
    public static final String SYSTEM = "system";
    /** The actor of events caused by someone not logged in (a failed login). */
    public static final String ANONYMOUS = "anonymous";

    private final AuditRepository repository;
    private final ObjectMapper json;
    private final Clock clock;
    private final Instance<SecurityIdentity> identity;

    AuditLog(AuditRepository repository, ObjectMapper json, Clock clock, Instance<SecurityIdentity> identity) {
        this.repository = repository;
        this.json = json;
        this.clock = clock;
        this.identity = identity;
    }

    /** Records an action of the current user (or "system"). */
    @Transactional
    public void record(String action, String objectType, String objectId, Object before, Object after) {
        recordAs(currentActor(), action, objectType, objectId, before, after);
    }

    /** Records an action with an explicit actor, e.g. a login, where no identity is established yet. */
    @Transactional
    public void recordAs(String actor, String action, String objectType, String objectId, Object before, Object after) {
        repository.insert(clock.instant(), actor, action, objectType, objectId, toJson(before), toJson(after));
    }

    /** Searches the log, newest first. */
    public AuditPage search(AuditQuery query) {
        return repository.search(query);
    }

    private String currentActor() {
        if (!Arc.container().requestContext().isActive()) {
            return SYSTEM;
        }
        SecurityIdentity current = identity.get();
        return current.isAnonymous() ? ANONYMOUS : current.getPrincipal().getName();
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit data must serialise to JSON: " + value.getClass().getName(), e);
        }
    }
}
