package org.thesenforum.account;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of "Mein Konto", the password reset and the account's own API; German in prof_de, English in prof_en. */
@MessageBundle(value = "prof", locale = "de")
public interface ProfileMessages {

    @Message
    String problem_not_own_profile();

    @Message
    String problem_account_deleted();

    @Message
    String problem_reset_unknown();

    @Message
    String problem_reset_used();

    @Message
    String problem_reset_expired();

    @Message
    String deleted_account();

    @Message
    String problem_reset_throttled(long minutes);

    @Message
    String problem_reset_no_mail();

    @Message
    String problem_reset_email();

    @Message
    String problem_digest_hour();

    @Message
    String problem_current_missing();

    @Message
    String problem_current_wrong();

    @Message
    String problem_password_missing();

    @Message
    String problem_session_unknown();

    @Message
    String problem_last_admin();

    @Message
    String problem_setting_null();

    @Message
    String problem_setting_unknown();

    @Message
    String mail_subject();

    @Message
    String mail_greeting(String name);

    @Message
    String mail_intro();

    @Message
    String mail_link();

    @Message
    String mail_valid(long minutes);

    @Message
    String mail_ignore();

    @Message
    String mail_signature();

    @Message
    String problem_repeat_differs();

    @Message
    String done_profile();

    @Message
    String done_password();

    @Message
    String done_settings();

    @Message
    String done_session();

    @Message
    String toc_label();

    @Message
    String profile_heading();

    @Message
    String profile_name_hint();

    @Message
    String profile_submit();

    @Message
    String profile_email_hint();

    @Message
    String password_heading();

    @Message
    String password_intro();

    @Message
    String password_current();

    @Message
    String password_new();

    @Message
    String password_repeat();

    @Message
    String password_submit();

    @Message
    String settings_heading();

    @Message
    String settings_mail_legend();

    @Message
    String settings_mail_off();

    @Message
    String settings_mail_immediate();

    @Message
    String settings_mail_digest();

    @Message
    String settings_digest_hour_label();

    @Message
    String settings_hour(Integer hour);

    @Message
    String settings_presence();

    @Message
    String settings_presence_hint();

    @Message
    String settings_submit();

    @Message
    String sessions_heading();

    @Message
    String sessions_unknown_device();

    @Message
    String sessions_this_device();

    @Message
    String sessions_last_use(String when);

    @Message
    String sessions_since(String when);

    @Message
    String sessions_end();

    @Message
    String data_heading();

    @Message
    String data_export();

    @Message
    String data_export_hint();

    @Message
    String delete_heading();

    @Message
    String delete_intro();

    @Message
    String delete_password();

    @Message
    String delete_submit();

    @Message
    String deleted_title();

    @Message
    String deleted_text();

    @Message
    String deleted_home();

    @Message
    String login_forgot();

    @Message
    String forgot_title();

    @Message
    String forgot_intro();

    @Message
    String forgot_submit();

    @Message
    String forgot_sent();

    @Message
    String forgot_no_mail();

    @Message
    String back_to_login();

    @Message
    String reset_title();

    @Message
    String reset_intro();

    @Message
    String reset_submit();

    @Message
    String reset_ask_again();

    @Message
    String reset_done();

    @Message
    String reset_sign_in();

    @Message
    String section_comments_heading();

    @Message
    String section_comments_empty();

    @Message
    String section_comment_hidden();

    @Message
    String section_demands_heading();

    @Message
    String section_demands_empty();

    @Message
    String section_demand_status(String status);

    @Message
    String problem_token_limit(int max);

    @Message
    String problem_token_unknown();

    @Message
    String problem_token_by_token();

    @Message
    String done_token();

    @Message
    String tokens_heading();

    @Message
    String tokens_intro();

    @Message
    String tokens_basic_hint();

    @Message
    String tokens_none();

    @Message
    String tokens_name();

    @Message
    String tokens_name_hint(int max);

    @Message
    String tokens_create();

    @Message
    String tokens_created(String name);

    @Message
    String tokens_copy_hint();

    @Message
    String tokens_usage();

    @Message
    String tokens_since(String when);

    @Message
    String tokens_last_use(String when);

    @Message
    String tokens_never_used();

    @Message
    String tokens_revoke();

    @Message
    String tokens_count(int count, int max);

    @Message
    String tokens_value_label();
}
