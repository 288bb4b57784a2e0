package org.vigil.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.vigil.support.StaffLogin;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class LoginThrottleTest {

    private static final int MAX_FAILURES = 5;

    @Test
    void locksAUsernameAfterFiveFailuresWith429AndRetryAfterEvenForTheRightPassword() {
        String username = "throttled-" + UUID.randomUUID().toString().substring(0, 8);
        StaffLogin.ensure(username, Roles.REVIEWER);
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertThat(StaffLogin.postLoginForm(username, "wrong-password-" + i).header("Location"))
                    .endsWith("/login?error=true");
        }

        Response locked = StaffLogin.postLoginForm(username, StaffLogin.PASSWORD);

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 15L * 60);
        assertThat(locked.getCookie(StaffLogin.SESSION_COOKIE)).isNull();
    }

    @Test
    void answersAnUnknownUsernameExactlyAsAKnownOne() {
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertThat(StaffLogin.postLoginForm(unknown, "wrong-password").header("Location"))
                    .endsWith("/login?error=true");
        }

        Response locked = StaffLogin.postLoginForm(unknown, "wrong-password");

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).isNotBlank();
    }

    @Test
    void answersProblemJsonToClientsThatAskForJson() {
        String username = "json-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i <= MAX_FAILURES; i++) {
            StaffLogin.postLoginForm(username, "wrong-password");
        }
        io.restassured.RestAssured.given().accept("application/json").contentType("application/x-www-form-urlencoded")
                .formParam("j_username", username).formParam("j_password", "wrong-password")
                .post("/j_security_check").then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("/problems/too-many-login-attempts"));
    }
}
