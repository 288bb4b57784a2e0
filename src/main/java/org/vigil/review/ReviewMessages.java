package org.vigil.review;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import org.vigil.triage.ReviewState;

/** Texts of the review pages; English here, French in {@code messages/review_fr.properties}. */
@MessageBundle("review")
public interface ReviewMessages {

    @Message("Review queue")
    String queue_title();

    @Message("Queue")
    String nav_queue();

    @Message("Next item")
    String next_item();

    @Message("Filter")
    String filter();

    @Message("MP id")
    String filter_mp();

    @Message("Category")
    String filter_category();

    @Message("Platform")
    String filter_platform();

    @Message("Language")
    String filter_lang();

    @Message("State")
    String filter_state();

    @Message("Posted from")
    String filter_from();

    @Message("Posted before")
    String filter_to();

    @Message("any")
    String any();

    @Message("Priority")
    String priority();

    @Message("Due")
    String due();

    @Message("MP")
    String mp();

    @Message("Platform")
    String platform();

    @Message("Categories")
    String categories();

    @Message("Text (masked)")
    String masked_text();

    @Message("Claimed by")
    String claimed_by();

    @Message("Nothing to review here.")
    String queue_empty();

    @Message("The queue has no open item that matches; well done.")
    String nothing_to_claim();

    @Message("New items arrived.")
    String new_items();

    @Message("You have read {count} items today.")
    String seen_today(int count);

    @Message("You have read {count} items today. Take a break: step away from the screen for a few minutes.")
    String take_a_break(int count);

    @Message("Dismiss selected")
    String dismiss_selected();

    @Message("Select")
    String select();

    @Message("Previous page")
    String previous_page();

    @Message("Next page")
    String next_page();

    @Message("Back to the top")
    String back_to_top();

    @Message("Review item")
    String item_title();

    @Message("Hidden text: it may be abusive.")
    String hidden_notice();

    @Message("Reveal text")
    String reveal();

    @Message("Show insults")
    String show_insults();

    @Message("Author")
    String author();

    @Message("Posted")
    String posted();

    @Message("Original post")
    String original_post();

    @Message("Evidence (SHA-256 of the delivery)")
    String evidence();

    @Message("Scores")
    String scores();

    @Message("Why the model flagged it")
    String why();

    @Message("Rules that fired")
    String fired_rules();

    @Message("In reply to")
    String in_reply_to();

    @Message("The author's other mentions")
    String author_history();

    @Message("History")
    String history();

    @Message("Confirm abuse")
    String confirm();

    @Message("Dismiss: not abusive")
    String dismiss();

    @Message("Escalate to the security unit")
    String escalate();

    @Message("Reason")
    String reason();

    @Message("Ask for a second opinion")
    String second_opinion();

    @Message("Hand over to")
    String hand_over();

    @Message("Put on hold")
    String hold();

    @Message("Resume")
    String resume();

    @Message("Reopen")
    String reopen();

    @Message("Add note")
    String add_note();

    @Message("Note")
    String note();

    @Message("Claim")
    String claim();

    @Message("Release")
    String release();

    @Message("Keyboard shortcuts")
    String shortcuts();

    @Message("Close")
    String close();

    @Message("unregistered MP")
    String unregistered_mp();

    @Message("Another reviewer changed this item first, or its state does not allow that.")
    String problem_review_conflict();

    @Message("Something in the form is missing or not valid.")
    String problem_invalid_fields();

    @Message("State")
    String state();

    @Message("none")
    String none();

    @Message("Reviewer wellbeing")
    String wellbeing_title();

    @Message("Items each reviewer read today; the pages suggest a break after {count}.")
    String wellbeing_intro(int count);

    @Message("Reviewer")
    String reviewer();

    @Message("Items read today")
    String items_today();

    @Message("{count} items")
    String count_items(int count);

    @Message("Groups")
    String groups();

    @Message("{size} items")
    String group_size(int size);

    @Message("handled: {decision} by {by}")
    String group_handled(ReviewState decision, String by);

    @Message("Folded into the handled group {group}: no new alert")
    String folded_into(String group);

    @Message("Decide for the whole group")
    String group_decide();

    @Message("Decision")
    String group_decision();
}
