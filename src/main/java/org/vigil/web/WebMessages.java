package org.vigil.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the layout and the pages in {@code web}; English here, French in
 * {@code messages/msg_fr.properties}. Templates use {@code {msg:key}}. A feature adds its own bundle
 * (e.g. {@code @MessageBundle("review")} with {@code messages/review_fr.properties}) instead of editing this one.
 */
@MessageBundle("msg")
public interface WebMessages {

    @Message("Vigil")
    String app_name();

    @Message("Skip to content")
    String skip_to_content();

    @Message("Home")
    String nav_home();

    @Message("Log out")
    String logout();

    @Message("Language")
    String language();

    @Message("Signed in as {name}")
    String signed_in_as(String name);

    @Message("Log in")
    String login_title();

    @Message("Username")
    String login_username();

    @Message("Password")
    String login_password();

    @Message("Wrong username or password.")
    String login_error();

    @Message("You have been logged out.")
    String logged_out();

    @Message("Welcome, {name}")
    String home_title(String name);

    @Message("Your roles: {roles}")
    String home_roles(String roles);

    @Message("Choose a page in the menu.")
    String home_hint();

    @Message("Not allowed")
    String forbidden_title();

    @Message("Your roles do not allow this page.")
    String forbidden_text();

    @Message("Too many failed logins")
    String throttled_title();

    @Message("Try again in {minutes} minutes.")
    String throttled_text(long minutes);

    @Message("reviewer")
    String role_reviewer();

    @Message("security unit")
    String role_security();

    @Message("admin")
    String role_admin();
}
