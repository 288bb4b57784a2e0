package org.vigil.review;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.vigil.security.Roles;
import org.vigil.support.BadCursors;
import org.vigil.support.StaffLogin;

import java.util.List;
import java.util.Random;

import static org.vigil.support.PagingChecks.assertRefused;

/**
 * Generated cursors that Vigil never gave out for the review queue ({@link BadCursors}: noise, wrong shapes, a
 * priority out of range, a malformed UUID, cursors of the audit log and the email lists, oversized tokens), at the
 * API and at the page, alone or with filters. Each must be refused with a 422 problem naming ?cursor, never a 500 or
 * a page. The seed is fixed so a failure can be replayed; {@code -Dvigil.fuzz.seed=...} tries another.
 */
@QuarkusTest
class QueueCursorFuzzTest {

    private static final int REQUESTS = 400;
    private static final long SEED = Long.getLong("vigil.fuzz.seed", 20261130L);

    @Test
    void refusesEveryGeneratedCursorWithAProblemNamingTheParameter() {
        Random random = new Random(SEED);
        BadCursors cursors = new BadCursors(random, List.of(ReviewQueryRepository.CURSOR_LIST),
                ReviewQueryRepository.CURSOR_KEY);
        StaffLogin.Session session = StaffLogin.as(Roles.REVIEWER);
        for (int i = 0; i < REQUESTS; i++) {
            String cursor = cursors.next();
            String path = random.nextBoolean() ? ReviewResource.QUEUE_PATH : ReviewPageResource.PATH;
            var request = session.given().queryParam("cursor", cursor);
            if (random.nextBoolean()) {
                request.queryParam("category", "VIOLENT").queryParam("from", "2026-01-01T00:00:00Z");
            }
            Response answer = request.get(path);

            assertRefused(answer, "?cursor", "seed " + SEED + ", request " + i + ", " + path + "?cursor=" + cursor);
        }
    }
}
