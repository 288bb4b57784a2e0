package org.vigil.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.vigil.security.CookieSettings;

import java.net.URI;
import java.time.Duration;

/** The language switch on every page: remembers the choice in a cookie and returns to the page. */
@Path("/language")
public class LanguageResource {

    private static final long ONE_YEAR = Duration.ofDays(365).toSeconds();

    private final CookieSettings cookies;

    LanguageResource(CookieSettings cookies) {
        this.cookies = cookies;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response choose(@FormParam("lang") String lang, @FormParam("return") String returnTo,
                           HttpServerResponse response) {
        Languages.supported(lang).ifPresent(tag -> response.addCookie(cookies.secure(Cookie.cookie(Languages.COOKIE, tag))
                .setPath("/").setMaxAge(ONE_YEAR).setHttpOnly(true).setSameSite(CookieSameSite.LAX)));
        return Response.seeOther(URI.create(SafeRedirects.localPath(returnTo))).build();
    }
}
