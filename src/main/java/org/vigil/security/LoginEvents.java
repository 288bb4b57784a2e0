package org.vigil.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** What happens at the login form, for the operators' log. */
@ApplicationScoped
public class LoginEvents {

    private static final Logger LOG = Logger.getLogger(LoginEvents.class);

    void succeeded(String username) {
        LOG.infof("Login of %s", username);
    }

    void failed(String username) {
        LOG.infof("Failed login for username %s", username);
    }

    void throttled(String username) {
        LOG.warnf("Login refused: username %s is locked after too many failures", username);
    }
}
