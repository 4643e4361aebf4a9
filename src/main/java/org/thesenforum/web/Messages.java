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
    String live_names(String names);

    @Message
    String live_names_topic(String names);

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

    // Language switch: each language is named in itself.

    @Message
    String lang_label();

    @Message
    String lang_de();

    @Message
    String lang_en();

    // Refusals: problem details of the API and error texts of the pages.

    @Message
    String problem_text_controls();

    @Message
    String problem_line_controls();

    @Message
    String problem_blank();

    @Message
    String problem_too_long(int max);

    @Message
    String problem_body_required();

    @Message
    String problem_csrf();

    @Message
    String problem_cross_site();

    @Message
    String problem_members_only();

    @Message
    String problem_login_failed();

    @Message
    String problem_token_failed();

    @Message
    String problem_sign_in();

    @Message
    String problem_forbidden();

    @Message
    String problem_not_found();

    @Message
    String problem_method();

    @Message
    String problem_not_acceptable();

    @Message
    String problem_too_large(long kb);

    @Message
    String problem_media_type();

    @Message
    String problem_bad_request();

    @Message
    String problem_too_many_fields(int limit);

    @Message
    String problem_refused();

    @Message
    String problem_form_or_json();

    @Message
    String problem_internal();

    @Message
    String problem_language();

    @Message
    String json_duplicate(String field);

    @Message
    String json_trailing();

    @Message
    String json_malformed();

    @Message
    String json_unknown(String field);

    @Message
    String json_invalid(String field);

    @Message
    String json_expects_text(String field);

    @Message
    String json_expects_boolean(String field);

    @Message
    String json_expects_number(String field);

    @Message
    String json_expects_integer(String field);

    @Message
    String json_expects_one_of(String field, String values);

    @Message
    String json_expects_list(String field);

    @Message
    String json_expects_object(String field);

    @Message
    String json_expects_other(String field);

    // The live stream and its HTTP feed (live/ knows no feature bundle)

    @Message
    String problem_stream_not_found();

    @Message
    String problem_number_range(String field, long min, String max);

    @Message
    String problem_number_min(String field, long min);

    @Message
    String live_not_understood();

    @Message
    String live_ack_refused(long sent);
}
