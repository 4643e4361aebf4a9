package org.thesenforum.moderation;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of reports, review requests and the moderators' queue; German in mod_de, English in mod_en. */
@MessageBundle(value = "mod", locale = "de")
public interface ModerationMessages {

    @Message
    String report_link();

    @Message
    String review_link();

    @Message
    String nav_queue();

    @Message
    String report_title_comment();

    @Message
    String report_title_demand();

    @Message
    String report_intro();

    @Message
    String report_reason();

    @Message
    String report_reason_hint();

    @Message
    String report_submit();

    @Message
    String report_sent();

    @Message
    String back_to_item();

    @Message
    String review_title();

    @Message
    String review_intro();

    @Message
    String review_reason();

    @Message
    String review_submit();

    @Message
    String review_sent();

    @Message
    String hidden_reason(String reason);

    @Message
    String queue_title();

    @Message
    String queue_intro();

    @Message
    String queue_empty();

    @Message
    String queue_kind_report(String name);

    @Message
    String queue_kind_review(String name);

    @Message
    String queue_comment_by(String name);

    @Message
    String queue_demand_by(String name);

    @Message
    String queue_item_hidden();

    @Message
    String queue_item_gone();

    @Message
    String queue_reason();

    @Message
    String queue_open_item();

    @Message
    String queue_hide_reason();

    @Message
    String queue_hide_reason_hint();

    @Message
    String action_hide();

    @Message
    String action_reject_demand();

    @Message
    String action_dismiss();

    @Message
    String action_unhide();

    @Message
    String action_keep_hidden();

    @Message
    String decided_notice();

    @Message
    String problem_report_not_found();

    @Message
    String problem_demand_not_found();

    @Message
    String problem_own_item();

    @Message
    String problem_duplicate();

    @Message
    String problem_item_gone();

    @Message
    String problem_already_hidden();

    @Message
    String problem_too_many(int max);

    @Message
    String problem_moderators_only();

    @Message
    String problem_review_not_hidden();

    @Message
    String problem_review_not_author();

    @Message
    String problem_review_duplicate();

    @Message
    String problem_already_decided();

    @Message
    String problem_action(String allowed);

    @Message
    String problem_discussion_not_found();

    @Message
    String outcome_hidden();

    @Message
    String outcome_rejected();

    @Message
    String outcome_dismissed();

    @Message
    String outcome_unhidden();

    @Message
    String outcome_kept_hidden();
}
