package org.vigil.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.vigil.support.StaffLogin;

import java.util.Map;

@QuarkusTest
@TestProfile(IdleSessionTest.ShortIdleTimeout.class)
class IdleSessionTest {

    /** Sessions that end after two idle seconds. */
    public static class ShortIdleTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.auth.form.timeout", "PT2S", "quarkus.http.auth.form.new-cookie-interval", "PT1S");
        }
    }

    @Test
    void endsASessionLeftIdleLongerThanTheTimeout() throws InterruptedException {
        StaffLogin.Session session = StaffLogin.as(Roles.REVIEWER);
        session.given().get("/api/v1/me").then().statusCode(200);

        // One deliberate idle period, longer than the configured timeout.
        Thread.sleep(3_000);

        session.given().get("/api/v1/me").then().statusCode(401);
    }
}
