package org.thesenforum.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;


/** Common UI texts (layout, overview, topics); German in msg_de.properties, English in msg_en.properties. */
@MessageBundle(value = "msg", locale = "de")
public interface Messages {

    @Message
    String lang();

    @Message
    String app_name();

    @Message
    String nav_skip();

    @Message
    String nav_label();

    @Message
    String nav_admin();

    @Message
    String nav_invitations();

    @Message
    String nav_login();

    @Message
    String nav_logout();

    @Message
    String footer_text();

    @Message
    String footer_api();

    @Message
    String error_title(int status);

    @Message
    String error_home();

    @Message
    String index_title();

    @Message
    String index_empty();

    @Message
    String paper_date(String date);

    @Message
    String topic_count(int count);

    @Message
    String comment_count(long count);

    @Message
    String last_activity();

    @Message
    String topic_locked();

    @Message
    String discussion_invitation();

    @Message
    String questions_heading();

    @Message
    String questions_hint();

    @Message
    String theses_heading();

    @Message
    String approaches_heading();

    @Message
    String breadcrumb_label();

    @Message
    String moderation_label();

    @Message
    String topic_lock();

    @Message
    String topic_unlock();

    @Message
    String topic_locked_notice();

    @Message
    String topic_unlocked_notice();

    @Message
    String thread_heading();

    @Message
    String thread_empty();

    @Message
    String thread_empty_filtered();

    @Message
    String filter_label();

    @Message
    String filter_all();

    @Message
    String filter_apply();

    @Message
    String filter_active(int position, String text);

    @Message
    String filter_reset();

    @Message
    String comment_reply_to(String name);

    @Message
    String comment_edited(String when);

    @Message
    String comment_deleted();

    @Message
    String comment_hidden();

    @Message
    String comment_hidden_reason(String reason);

    @Message
    String comment_hidden_note();

    @Message
    String comment_question(int position);

    @Message
    String comment_reply();

    @Message
    String comment_edit();

    @Message
    String comment_delete();

    @Message
    String comment_delete_question();

    @Message
    String comment_delete_confirm();

    @Message
    String comment_hide();

    @Message
    String comment_hide_reason();

    @Message
    String comment_hide_hint();

    @Message
    String comment_hide_submit();

    @Message
    String comment_unhide();

    @Message
    String form_new_heading();

    @Message
    String form_body_label();

    @Message
    String form_reply_label(String name);

    @Message
    String form_edit_label();

    @Message
    String form_markdown_hint();

    @Message
    String form_reply_hint();

    @Message
    String form_question_label();

    @Message
    String form_question_none();

    @Message
    String form_submit();

    @Message
    String form_reply_submit();

    @Message
    String form_edit_submit();

    @Message
    String form_cancel();

    @Message
    String form_login();

    @Message
    String form_kept_text();

    @Message
    String form_error_link();

    // Live updates: texts for the live scripts (js/live/), rendered into data attributes; %1 and %2 are filled in by the script.

    @Message
    String live_label();

    @Message
    String live_state_connecting();

    @Message
    String live_state_live();

    @Message
    String live_state_reconnecting();

    @Message
    String live_state_offline();

    @Message
    String live_state_polling();

    @Message
    String live_state_stale();

    @Message
    String live_reload();

    @Message
    String live_online(String count);

    @Message
    String live_online_topic(String count, String here);

    @Message
    String live_new_one(String name);

    @Message
    String live_new_many(String count);

    @Message
    String live_updated();

    @Message
    String live_announce();

    @Message
    String live_session_ended();

    @Message
    String live_session_login();

    @Message
    String draft_restored();

    @Message
    String draft_discard();
}
