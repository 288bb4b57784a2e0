/**
 * The staff web foundation: layout, languages, menu, static files, security headers and the answers to
 * refused requests. Pages of every feature build on it.
 *
 * <h2>A page</h2>
 * A resource returns a Qute template that includes the layout and fills its {@code title} and {@code main}
 * blocks (optionally {@code head}); every value is escaped by Qute, never use {@code raw} on user data:
 * <pre>{@code
 * {#include layout}
 * {#title}{review:queue_title}{/title}
 * {#main}
 *   <h1>{review:queue_title}</h1>
 *   <form method="post" action="/review/items/{item.id}/dismiss">
 *     <input type="hidden" name="{inject:csrf.parameterName}" value="{inject:csrf.token}">
 *     ...
 *   </form>
 * {/main}
 * {/include}
 * }</pre>
 * Declare the template with {@code @CheckedTemplate(basePath = "review")} (files under
 * {@code src/main/resources/templates/review/}) and return the {@code TemplateInstance} from a
 * {@code @Blocking} resource method guarded by {@code @RolesAllowed(Roles.REVIEWER, ...)}.
 *
 * <h2>The user's language</h2>
 * Nothing to do: {@link org.vigil.web.PageLanguage} sets every template's locale from the language switch's
 * cookie, else the browser's Accept-Language, else English. A feature keeps its texts in its OWN bundle:
 * an interface {@code @MessageBundle("review")} with {@code @Message("Queue") String queue_title();}
 * (English) and {@code src/main/resources/messages/review_fr.properties} (French); templates use
 * {@code {review:queue_title}}. Java code that needs the language injects {@link org.vigil.web.UserLanguage}.
 *
 * <h2>The menu</h2>
 * Add an {@code @ApplicationScoped} bean implementing {@link org.vigil.web.NavEntry} (path, label per locale
 * from your bundle via {@code MessageBundles.get(ReviewMessages.class, Localized.Literal.of(locale.getLanguage()))},
 * roles, order); the layout lists it for users holding one of its roles.
 *
 * <h2>Scripts, styles, CSRF from JavaScript</h2>
 * Static files live in {@code src/main/resources/META-INF/resources/static/} and are served from the jar.
 * The Content-Security-Policy ({@link org.vigil.web.SecurityHeaders}) forbids inline scripts, inline styles
 * and {@code style=""} attributes: load {@code /static/your-feature.js} with {@code <script src defer>} in the
 * {@code head} block. Call Vigil's endpoints with {@code Vigil.fetch(url, {method: 'POST', body: {...}})} from
 * {@code /static/vigil.js}: it sends the session cookie, JSON and the {@code X-CSRF-Token} header taken from
 * the layout's {@code <meta name="csrf-token">}.
 *
 * <h2>Refusals</h2>
 * Under {@code /api/} an anonymous call gets 401 and a missing role or CSRF token 403, both
 * problem+json ({@link org.vigil.web.AccessDeniedMappers}); a page sends an anonymous visitor to
 * {@code /login} and shows a logged-in one a 403 page.
 *
 * <h2>Browser tests</h2>
 * {@code org.vigil.support.Browser} drives Debian's headless Chromium against the test instance:
 * {@code try (Browser browser = Browser.start()) { browser.loginAs(StaffLogin.account(Roles.REVIEWER), StaffLogin.PASSWORD).open("/review"); }}.
 */
package org.vigil.web;
