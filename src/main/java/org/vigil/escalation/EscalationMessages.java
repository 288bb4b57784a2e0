package org.vigil.escalation;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the escalation pages; English here, French in {@code messages/escalation_fr.properties}. */
@MessageBundle("escalation")
public interface EscalationMessages {

    @Message("Escalations")
    String nav_escalation();

    @Message("Rules")
    String nav_rules();

    @Message("Recipients")
    String nav_recipients();

    @Message("Escalations")
    String security_title();

    @Message("Pipeline alarms")
    String alarms();

    @Message("No pipeline alarm is raised.")
    String no_alarms();

    @Message("Alarm")
    String alarm();

    @Message("Detail")
    String detail();

    @Message("Raised")
    String raised();

    @Message("Cases not resolved (open first, then the most urgent and newest; 50 a page)")
    String cases();

    @Message("No case is waiting.")
    String no_cases();

    @Message("{total} unresolved cases in all; {shown} on this page.")
    String cases_shown(int shown, int total);

    @Message("Next page of cases")
    String cases_next();

    @Message("Back to the top of the cases")
    String cases_top();

    @Message("Priority")
    String priority();

    @Message("State")
    String state();

    @Message("MP")
    String mp();

    @Message("Category")
    String category();

    @Message("Platform")
    String platform();

    @Message("Folded in")
    String folded();

    @Message("Tiers reached")
    String tiers();

    @Message("Taken by")
    String taken_by();

    @Message("Acknowledge")
    String acknowledge();

    @Message("Resolve")
    String resolve();

    @Message("Sent emails")
    String sent();

    @Message("Waiting to be sent")
    String pending();

    @Message("Dead letter (gave up)")
    String dead();

    @Message("None.")
    String none();

    @Message("Kind")
    String kind();

    @Message("Subject")
    String subject();

    @Message("Recipient")
    String recipient();

    @Message("Written")
    String written();

    @Message("Sent")
    String sent_at();

    @Message("Attempts")
    String attempts();

    @Message("Last error")
    String last_error();

    @Message("Where")
    String where();

    @Message("Send again")
    String send_again();

    @Message("Older emails")
    String older();

    @Message("Back to the newest")
    String newest();

    @Message("Emails shown with a file name were not sent by a mail server: they were written to the mailbox folder {folder}")
    String mailbox_folder(String folder);

    @Message("Done.")
    String done();

    @Message("Not done:")
    String not_done();

    @Message("Escalation rules")
    String rules_title();

    @Message("Rules in force")
    String in_force();

    @Message("Version")
    String version();

    @Message("Label")
    String label();

    @Message("Saved by")
    String saved_by();

    @Message("Saved")
    String saved_at();

    @Message("the defaults shipped with Vigil")
    String shipped_defaults();

    @Message("Versions")
    String history();

    @Message("No version saved yet: the defaults are in force.")
    String no_history();

    @Message("Edit the rules")
    String edit_rules();

    @Message("Rule file (JSON)")
    String rule_file();

    @Message("Days to try against (1 to 90)")
    String days();

    @Message("Validate")
    String validate();

    @Message("Try on recent mentions")
    String try_draft();

    @Message("Save as the next version")
    String save_rules();

    @Message("Valid: {count} rules, nothing saved.")
    String valid(int count);

    @Message("Saved as version {version}.")
    String saved(int version);

    @Message("Nothing was saved:")
    String not_saved();

    @Message("What the draft would have done over the last {days} days")
    String trial_title(int days);

    @Message("Triaged mentions looked at: {count} (compared with version {version} in force; nothing was saved or sent).")
    String trial_mentions(int count, int version);

    @Message("Only the most recent mentions were looked at.")
    String truncated();

    @Message("Rule")
    String rule();

    @Message("Fires now")
    String fires_now();

    @Message("Would fire")
    String fires_draft();

    @Message("Priority changes")
    String priority_changes();

    @Message("From")
    String from();

    @Message("To")
    String to();

    @Message("Mentions")
    String mentions();

    @Message("Escalations gained")
    String escalations_gained();

    @Message("Escalations lost")
    String escalations_lost();

    @Message("Mentions treated differently (examples)")
    String affected();

    @Message("Mention")
    String mention();

    @Message("Now")
    String now();

    @Message("Draft")
    String draft();

    @Message("Recipients of escalation emails")
    String recipients_title();

    @Message("Addresses separated by commas; fr: before an address sends it French emails. Tiers (for an unacknowledged P1) are separated by ;. Empty tiers: P1's recipients again.")
    String recipients_help();

    @Message("List")
    String list();

    @Message("Configuration")
    String configured();

    @Message("In force")
    String applies();

    @Message("the configuration")
    String from_configuration();

    @Message("saved by {user} at {at}")
    String from_admin(String user, String at);

    @Message("Change")
    String change();

    @Message("Back to the configuration")
    String back_to_configuration();

    @Message("nobody")
    String nobody();
}
