package org.vigil.support;

import io.quarkus.arc.Arc;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.vigil.security.CsrfToken;
import org.vigil.security.StaffAccounts;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Logs in staff for API tests, through the real login form. {@code StaffLogin.as(Roles.ADMIN).given()}
 * is a request with the session cookie and the CSRF token (cookie and header), ready for any method.
 */
public final class StaffLogin {

    public static final String SESSION_COOKIE = "vigil-session";
    /** One password for every test account, new in each test run. */
    public static final String PASSWORD = "test-" + UUID.randomUUID();

    private StaffLogin() {
    }

    /** A logged-in session of a user holding exactly these roles (created or reset as needed). */
    public static Session as(String... roles) {
        return login(account(roles), PASSWORD);
    }

    /** Makes sure the user {@code test-<roles>} exists, is enabled and has exactly these roles and {@link #PASSWORD}. */
    public static String account(String... roles) {
        String username = "test-" + (roles.length == 0 ? "none" : String.join("-", roles));
        ensure(username, roles);
        return username;
    }

    public static void ensure(String username, String... roles) {
        StaffAccounts accounts = Arc.container().instance(StaffAccounts.class).get();
        List<String> wanted = Arrays.asList(roles);
        accounts.findByUsername(username).ifPresentOrElse(existing -> {
            accounts.resetPassword(existing.id(), PASSWORD);
            accounts.setRoles(existing.id(), wanted);
            accounts.setEnabled(existing.id(), true);
        }, () -> accounts.create(username, PASSWORD, wanted));
    }

    /** Posts the login form; fails the test unless it logs in. */
    public static Session login(String username, String password) {
        Response login = postLoginForm(username, password);
        String session = login.getCookie(SESSION_COOKIE);
        if (login.statusCode() != 302 || session == null) {
            throw new AssertionError("Login of " + username + " failed: " + login.statusCode() + " " + login.headers());
        }
        String csrf = RestAssured.given().redirects().follow(false).cookie(SESSION_COOKIE, session).get("/login")
                .getCookie(CsrfToken.COOKIE);
        return new Session(username, session, csrf);
    }

    public static Response postLoginForm(String username, String password) {
        return RestAssured.given().redirects().follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check");
    }

    /** A logged-in session: its cookie and CSRF token. */
    public record Session(String username, String cookie, String csrfToken) {

        /** A request carrying the session and the CSRF token. */
        public RequestSpecification given() {
            return withoutCsrfToken().cookie(CsrfToken.COOKIE, csrfToken).header(CsrfToken.HEADER, csrfToken);
        }

        /** A request carrying only the session cookie, as a cross-site forgery would. */
        public RequestSpecification withoutCsrfToken() {
            return RestAssured.given().redirects().follow(false).cookie(SESSION_COOKIE, cookie);
        }
    }
}
