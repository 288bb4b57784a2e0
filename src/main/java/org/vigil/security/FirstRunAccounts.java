package org.vigil.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.vigil.platform.DemoConfig;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * On a first start (no staff account yet) creates {@code admin} with {@code VIGIL_ADMIN_PASSWORD} or a
 * generated password printed once; with the demo on, also a {@code reviewer} and a {@code security} user.
 */
@ApplicationScoped
public class FirstRunAccounts {

    private static final Logger LOG = Logger.getLogger(FirstRunAccounts.class);

    void onStart(@Observes StartupEvent event, StaffAccounts accounts, SecurityConfig config, DemoConfig demo) {
        if (!accounts.none()) {
            return;
        }
        Map<String, String> printed = new LinkedHashMap<>();
        String adminPassword = config.adminPassword().orElseGet(accounts::generatePassword);
        if (!createIfFree(accounts, "admin", adminPassword, List.of(Roles.ADMIN))) {
            return;
        }
        printed.put("admin", config.adminPassword().isPresent() ? "(the password in VIGIL_ADMIN_PASSWORD)" : adminPassword);
        if (demo.enabled()) {
            for (String role : List.of(Roles.REVIEWER, Roles.SECURITY)) {
                String password = accounts.generatePassword();
                if (createIfFree(accounts, role, password, List.of(role))) {
                    printed.put(role, password);
                }
            }
        }
        StringBuilder lines = new StringBuilder();
        printed.forEach((user, password) -> lines.append("  ").append(String.format("%-9s", user))
                .append(' ').append(password).append('\n'));
        LOG.infof("""

                ==== Vigil staff accounts (shown only now; keep them) ====================
                Log in at /login as:
                %s=========================================================================
                """, lines);
    }

    /** False when another replica created the account first. */
    private static boolean createIfFree(StaffAccounts accounts, String username, String password, List<String> roles) {
        try {
            accounts.create(username, password, roles);
            return true;
        } catch (ProblemException refused) {
            if (refused.type() == ProblemType.CONFLICT) {
                return false;
            }
            throw new IllegalStateException("Cannot create the first account '" + username + "': "
                    + refused.errors().stream().map(e -> e.pointer() + " " + e.detail()).toList(), refused);
        }
    }
}
