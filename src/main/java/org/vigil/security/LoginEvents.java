package org.vigil.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.vigil.audit.AuditLog;

/** What happens at the login form and at logout: audited, and logged for the operators. */
@ApplicationScoped
public class LoginEvents {

    private static final Logger LOG = Logger.getLogger(LoginEvents.class);
    /** A submitted username is attacker-controlled: only this much of it is kept. */
    private static final int MAX_USERNAME = 64;

    private final AuditLog audit;

    LoginEvents(AuditLog audit) {
        this.audit = audit;
    }

    void succeeded(String username) {
        LOG.infof("Login of %s", username);
        audit.recordAs(username, "login", StaffAccounts.OBJECT_TYPE, username, null, null);
    }

    void failed(String submittedUsername) {
        String username = shortened(submittedUsername);
        LOG.infof("Failed login for username %s", username);
        audit.recordAs(AuditLog.ANONYMOUS, "login.failed", StaffAccounts.OBJECT_TYPE, username, null, null);
    }

    void throttled(String submittedUsername) {
        String username = shortened(submittedUsername);
        LOG.warnf("Login refused: username %s is locked after too many failures", username);
        audit.recordAs(AuditLog.ANONYMOUS, "login.locked", StaffAccounts.OBJECT_TYPE, username, null, null);
    }

    public void loggedOut(String username) {
        LOG.infof("Logout of %s", username);
        audit.recordAs(username, "logout", StaffAccounts.OBJECT_TYPE, username, null, null);
    }

    private static String shortened(String username) {
        return username.length() <= MAX_USERNAME ? username : username.substring(0, MAX_USERNAME);
    }
}
