package org.vigil.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.vigil.security.CsrfToken;
import org.vigil.support.StaffLogin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class PageLanguageTest {

    @Test
    void rendersInTheBrowsersLanguageByDefault() {
        given().header("Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5").get("/login").then().statusCode(200)
                .body(containsString("<html lang=\"fr\">"))
                .body(containsString("Mot de passe"));
        given().header("Accept-Language", "de-DE").get("/login").then().statusCode(200)
                .body(containsString("Password"));
    }

    @Test
    void rendersInTheRememberedLanguageWhateverTheBrowserSays() {
        given().header("Accept-Language", "en").cookie(Languages.COOKIE, "fr").get("/login").then().statusCode(200)
                .body(containsString("Mot de passe"));
    }

    @Test
    void remembersTheChosenLanguageInACookieAndReturnsToTheSamePage() {
        String token = given().get("/login").getCookie(CsrfToken.COOKIE);

        Response chosen = given().redirects().follow(false).cookie(CsrfToken.COOKIE, token)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token).formParam("lang", "fr").formParam("return", "/login?error=true")
                .post("/language");

        assertThat(chosen.statusCode()).isEqualTo(303);
        assertThat(chosen.header("Location")).endsWith("/login?error=true");
        assertThat(chosen.getCookie(Languages.COOKIE)).isEqualTo("fr");
    }

    @Test
    void neverReturnsToAnotherSiteAfterTheLanguageSwitch() {
        StaffLogin.Session session = StaffLogin.as();
        Response chosen = session.given().contentType("application/x-www-form-urlencoded")
                .formParam("lang", "fr").formParam("return", "//evil.example/").post("/language");

        assertThat(chosen.header("Location")).doesNotContain("evil.example");
    }

    @Test
    void refusesTheLanguageSwitchWithoutTheCsrfToken() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("lang", "fr").formParam("return", "/").post("/language")
                .then().statusCode(403);
    }
}
