package org.vigil.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Session events outside the login form itself (logout), for the operators' log. */
@ApplicationScoped
public class StaffSessionEvents {

    private static final Logger LOG = Logger.getLogger(StaffSessionEvents.class);

    void loggedOut(String username) {
        LOG.infof("Logout of %s", username);
    }
}
