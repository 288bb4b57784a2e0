/**
 * Staff accounts, login and CSRF protection.
 *
 * <h2>Roles</h2>
 * {@link org.vigil.security.Roles} holds the role names ({@code reviewer}, {@code security}, {@code admin}); a
 * user may hold several. Guard every resource on the server with {@code @RolesAllowed({Roles.REVIEWER, Roles.SECURITY})}
 * (or {@code @Authenticated}); templates ask {@code {inject:staff.reviewer}}, {@code {inject:staff.admin}}, ...
 * ({@link org.vigil.web.CurrentStaff}).
 *
 * <h2>Login</h2>
 * Quarkus form authentication: the login page posts to {@code /j_security_check};
 * {@link org.vigil.security.PasswordLoginProvider} checks bcrypt hashes in {@code staff_user} and the lock of
 * {@link org.vigil.security.LoginThrottle} (429 with Retry-After after {@code vigil.security.max-failed-logins});
 * {@link org.vigil.security.SessionIdentityProvider} reloads the account and its roles from the database on
 * each request, so a disabled account or changed role takes effect at once. The session is the encrypted
 * {@code vigil-session} cookie (HttpOnly, Secure, SameSite=Lax), ending after {@code quarkus.http.auth.form.timeout}
 * idle or at {@code POST /logout}.
 *
 * <h2>CSRF</h2>
 * {@link org.vigil.security.CsrfFilter} protects every POST/PUT/PATCH/DELETE except the signed webhooks: the
 * token of the {@code vigil-csrf} cookie must come back in the {@code X-CSRF-Token} header or the
 * {@code csrf-token} form field, else 403. In a form: {@code <input type="hidden" name="{inject:csrf.parameterName}"
 * value="{inject:csrf.token}">}; from JavaScript: {@code Vigil.fetch} sends the header.
 *
 * <h2>Tests</h2>
 * {@code org.vigil.support.StaffLogin}: {@code StaffLogin.as(Roles.ADMIN).given().body(...).post("/api/v1/admin/...")}
 * logs in through the real form as a user holding exactly those roles and sends the session cookie and the CSRF
 * token; {@code withoutCsrfToken()} sends only the cookie. For the browser, {@code StaffLogin.account(roles)} gives a
 * username whose password is {@code StaffLogin.PASSWORD}.
 */
package org.vigil.security;
