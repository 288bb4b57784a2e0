package org.vigil.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.vigil.support.StaffLogin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class StaffLoginTest {

    @Test
    void logsInWithTheRightPasswordAndSetsASecureHttpOnlySameSiteSessionCookie() {
        String username = StaffLogin.account(Roles.REVIEWER);
        Response login = StaffLogin.postLoginForm(username, StaffLogin.PASSWORD);

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.header("Location")).endsWith("/");
        Cookie session = login.getDetailedCookie(StaffLogin.SESSION_COOKIE);
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.isSecured()).isTrue();
        assertThat(session.getSameSite()).isEqualToIgnoringCase("lax");
        given().cookie(StaffLogin.SESSION_COOKIE, session.getValue()).get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo(username)).body("roles", contains("reviewer"));
    }

    @Test
    void sendsAWrongPasswordBackToTheLoginPageWithoutASession() {
        Response login = StaffLogin.postLoginForm(StaffLogin.account(Roles.REVIEWER), "not the password at all");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.header("Location")).endsWith("/login?error=true");
        assertThat(login.getCookie(StaffLogin.SESSION_COOKIE)).isNull();
    }

    @Test
    void sendsAnonymousVisitorsOfPagesToTheLoginPage() {
        given().redirects().follow(false).get("/").then().statusCode(303)
                .header("Location", containsString("/login"));
    }

    @Test
    void answersAnonymousApiCallsWithProblemJson401() {
        given().get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unauthenticated"));
    }

    @Test
    void answersAForgedSessionCookieOnTheApiWith401() {
        given().cookie(StaffLogin.SESSION_COOKIE, "forged-value").get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void endsTheSessionOfAUserWhoIsDisabled() {
        StaffLogin.Session session = StaffLogin.as(Roles.SECURITY);
        session.given().get("/api/v1/me").then().statusCode(200);
        StaffAccounts accounts = io.quarkus.arc.Arc.container().instance(StaffAccounts.class).get();
        long id = accounts.findByUsername(session.username()).orElseThrow().id();

        accounts.setEnabled(id, false);
        try {
            session.given().get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
            assertThat(StaffLogin.postLoginForm(session.username(), StaffLogin.PASSWORD).header("Location"))
                    .endsWith("/login?error=true");
        } finally {
            accounts.setEnabled(id, true);
        }
    }

    @Test
    void logsOutOnlyWithTheCsrfTokenAndClearsTheSessionCookie() {
        StaffLogin.Session session = StaffLogin.as(Roles.REVIEWER);

        session.withoutCsrfToken().post("/logout").then().statusCode(403);
        Response logout = session.given().contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", session.csrfToken()).post("/logout");

        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(logout.header("Location")).contains("/login?logged-out=true");
        assertThat(logout.getDetailedCookie(StaffLogin.SESSION_COOKIE).getMaxAge()).isZero();
    }

    @Test
    void hasA32ByteSessionKeyEvenWhenNoneIsConfigured() {
        String key = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue(GeneratedSessionKey.PROPERTY, String.class);
        assertThat(java.util.Base64.getDecoder().decode(key)).hasSize(32);
    }

    @Test
    void createsTheAdminAccountOnFirstStart() {
        StaffAccounts accounts = io.quarkus.arc.Arc.container().instance(StaffAccounts.class).get();
        assertThat(accounts.findByUsername("admin")).hasValueSatisfying(admin -> {
            assertThat(admin.roles()).containsExactly(Roles.ADMIN);
            assertThat(admin.passwordHash()).startsWith("$2");
        });
    }

    @Test
    void putsSecurityHeadersOnEveryPage() {
        RestAssured.given().get("/login").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", org.hamcrest.Matchers.not(containsString("unsafe-inline")))
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin");
    }

    @Test
    void refusesALoginFormPostedFromAnotherSite() {
        given().header("Origin", "https://evil.example").contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "admin").formParam("j_password", "whatever-password")
                .post("/j_security_check").then().statusCode(403);
    }
}
