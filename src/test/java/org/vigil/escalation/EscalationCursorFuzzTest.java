package org.vigil.escalation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.vigil.security.Roles;
import org.vigil.support.BadCursors;
import org.vigil.support.StaffLogin;

import java.util.Arrays;
import java.util.Random;

import static org.vigil.support.PagingChecks.assertRefused;

/**
 * Generated cursors that Vigil never gave out ({@link BadCursors}), at the API and at the security page. Each
 * must be refused with a 422 problem naming the parameter, never a 500 or a page. The seed is fixed so a failure
 * can be replayed; {@code -Dvigil.fuzz.seed=...} tries another.
 */
@QuarkusTest
class EscalationCursorFuzzTest {

    private static final int REQUESTS = 400;
    private static final long SEED = Long.getLong("vigil.fuzz.seed", 20261130L);

    @Test
    void refusesEveryGeneratedCursorWithAProblemNamingTheParameter() {
        Random random = new Random(SEED);
        BadCursors cursors = new BadCursors(random, Arrays.stream(OutboxState.values()).map(Enum::name).toList(),
                OutboxPage.CURSOR_KEY);
        StaffLogin.Session session = StaffLogin.as(Roles.SECURITY);
        for (int i = 0; i < REQUESTS; i++) {
            String cursor = cursors.next();
            OutboxState state = OutboxState.values()[random.nextInt(OutboxState.values().length)];
            boolean api = random.nextBoolean();
            String parameter = api ? "cursor" : state.name().toLowerCase();
            Response answer = api
                    ? session.given().queryParam("state", state).queryParam("cursor", cursor).get("/api/v1/escalation/emails")
                    : session.given().queryParam(parameter, cursor).get("/escalation");

            assertRefused(answer, "?" + parameter, "seed " + SEED + ", request " + i + ", " + parameter + "=" + cursor);
        }
    }
}
