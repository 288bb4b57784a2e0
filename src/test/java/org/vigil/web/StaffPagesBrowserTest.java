package org.vigil.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.vigil.security.Roles;
import org.vigil.support.Browser;
import org.vigil.support.StaffLogin;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class StaffPagesBrowserTest {

    @Test
    void logsInSwitchesToFrenchKeepsItAcrossPagesAndLogsOut() {
        String username = StaffLogin.account(Roles.REVIEWER);
        try (Browser browser = Browser.start()) {
            browser.loginAs(username, StaffLogin.PASSWORD);
            assertThat(browser.find(By.id("welcome")).getText()).isEqualTo("Welcome, " + username);

            browser.find(By.id("lang-fr")).click();
            browser.waitForText(By.id("welcome"), "Bienvenue, " + username);
            assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
            browser.open("/");
            assertThat(browser.find(By.id("logout")).getText()).isEqualTo("Se déconnecter");

            browser.find(By.id("logout")).click();
            browser.waitFor(By.id("username"));
            assertThat(browser.path()).startsWith("/login");
            browser.open("/");
            browser.waitFor(By.id("username"));
        }
    }

    @Test
    void showsAWrongPasswordOnTheLoginPage() {
        try (Browser browser = Browser.start()) {
            browser.open("/login");
            browser.find(By.id("username")).sendKeys("someone");
            browser.find(By.id("password")).sendKeys("not-the-password");
            browser.find(By.id("login")).click();
            assertThat(browser.find(By.id("login-error")).getText()).isEqualTo("Wrong username or password.");
        }
    }
}
