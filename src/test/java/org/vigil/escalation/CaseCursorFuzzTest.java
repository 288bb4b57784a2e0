package org.vigil.escalation;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.vigil.security.Roles;
import org.vigil.support.BadCursors;
import org.vigil.support.StaffLogin;

import java.util.List;
import java.util.Random;

import static org.vigil.support.PagingChecks.assertRefused;

/**
 * Generated cursors that Vigil never gave out ({@link BadCursors}) for the cases of the security page. Each must be
 * refused with a 422 problem naming {@code ?cases}, never a 500 or a page. The seed is fixed so a failure can be
 * replayed; {@code -Dvigil.fuzz.seed=...} tries another.
 */
@QuarkusTest
class CaseCursorFuzzTest {

    private static final int REQUESTS = 300;
    private static final long SEED = Long.getLong("vigil.fuzz.seed", 20261130L);

    @Test
    void refusesEveryGeneratedCursorWithAProblemNamingTheParameter() {
        BadCursors cursors = new BadCursors(new Random(SEED), List.of(CasePage.LIST), CasePage.CURSOR_KEY);
        StaffLogin.Session session = StaffLogin.as(Roles.SECURITY);
        for (int i = 0; i < REQUESTS; i++) {
            String cursor = cursors.next();
            assertRefused(session.given().queryParam(ListStarts.CASES, cursor).get("/escalation"), "?cases",
                    "seed " + SEED + ", request " + i + ", cases=" + cursor);
        }
    }
}
