package org.vigil.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the admin pages; French in {@code messages/admin_fr.properties}. Templates use {@code {admin:key}}. */
@MessageBundle("admin")
public interface AdminMessages {

    @Message("Users")
    String users();

    @Message("MPs")
    String mps();

    @Message("Integrations")
    String integrations();

    @Message("Audit log")
    String audit();

    @Message("Username")
    String username();

    @Message("Password (empty: generate one)")
    String password_optional();

    @Message("Roles")
    String roles();

    @Message("Enabled")
    String enabled();

    @Message("Disabled")
    String disabled();

    @Message("Create")
    String create();

    @Message("Save")
    String save();

    @Message("Edit")
    String edit();

    @Message("Enable")
    String enable();

    @Message("Disable")
    String disable();

    @Message("Reset password")
    String reset_password();

    @Message("New user")
    String new_user();

    @Message("Shown only now: copy it and keep it safe.")
    String shown_once();

    @Message("Back")
    String back();

    @Message("Name")
    String name();

    @Message("Constituency")
    String constituency();

    @Message("Parliamentary group")
    String group();

    @Message("Languages (e.g. en, fr)")
    String languages();

    @Message("Accounts")
    String accounts();

    @Message("Platform")
    String platform();

    @Message("Handle")
    String handle();

    @Message("Add account")
    String add_account();

    @Message("Remove")
    String remove();

    @Message("Register an MP")
    String new_mp();

    @Message("New integration")
    String new_integration();

    @Message("From the environment")
    String from_environment();

    @Message("Revoked")
    String revoked();

    @Message("Active secrets")
    String active_secrets();

    @Message("Rotate secret")
    String rotate();

    @Message("Old secret stays valid for (minutes)")
    String grace_minutes();

    @Message("Revoke")
    String revoke();

    @Message("expires {when}")
    String expires(String when);

    @Message("Actor")
    String actor();

    @Message("Action")
    String action();

    @Message("Object type")
    String object_type();

    @Message("Object id")
    String object_id();

    @Message("From (UTC)")
    String from();

    @Message("To (UTC)")
    String to();

    @Message("Search")
    String search();

    @Message("When")
    String when();

    @Message("Before")
    String before();

    @Message("After")
    String after();

    @Message("Older events")
    String older();

    @Message("Back to the newest")
    String newest();

    @Message("Not saved:")
    String not_saved();

    @Message("Classifier")
    String classifier();

    @Message("Model in force")
    String model_in_force();

    @Message("Mentions still carrying an older model version (or none)")
    String older_model_mentions();

    @Message("Re-classify with the model in force")
    String reclassify();

    @Message("Re-classification runs in a low-priority lane: small batches, only while no new mention waits.")
    String reclassify_help();

    @Message("Latest request")
    String latest_request();

    @Message("Requested")
    String requested();

    @Message("State")
    String state();

    @Message("Re-scored")
    String rescored();

    @Message("Labels changed (back to triage once, never escalated again)")
    String labels_changed();

    @Message("Failed")
    String failed();

    @Message("None yet")
    String none_yet();

    @Message("Shadow model")
    String shadow_model();

    @Message("No shadow model runs. Set vigil.classifier.shadow.models to a candidate's model directory to compare it with the live model on every new mention.")
    String no_shadow();

    @Message("Language")
    String language();

    @Message("Category")
    String category();

    @Message("Scored by both")
    String scored_by_both();

    @Message("Agree")
    String agree();

    @Message("Live only")
    String live_only();

    @Message("Shadow only")
    String shadow_only();

    @Message("Decided by reviewers")
    String decided();

    @Message("Live matched reviewers")
    String live_matched();

    @Message("Shadow matched reviewers")
    String shadow_matched();

    @Message("Mentions the shadow model failed on (recorded once, not retried): {count}")
    String shadow_failed(long count);
}
