package org.thesenforum.account;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** UI texts of the sign-in, registration and account pages and the account refusals; acct_de and acct_en. */
@MessageBundle(value = "acct", locale = "de")
public interface AccountMessages {

    // Roles

    @Message
    String role(Role role);

    // Sign-in

    @Message
    String login_title();

    @Message
    String login_intro();

    @Message
    String login_email();

    @Message
    String login_password();

    @Message
    String login_submit();

    @Message
    String login_failed();

    @Message
    String login_no_account();

    // Registration

    @Message
    String register_title();

    @Message
    String register_intro();

    @Message
    String register_unusable_title();

    @Message
    String register_unusable_hint();

    @Message
    String register_display_name();

    @Message
    String register_display_name_hint();

    @Message
    String register_email();

    @Message
    String register_organisation();

    @Message
    String register_place();

    @Message
    String register_optional();

    @Message
    String register_password();

    @Message
    String register_password_hint(int min);

    @Message
    String register_password_repeat();

    @Message
    String register_password_mismatch();

    @Message
    String register_submit();

    @Message
    String register_has_account();

    // Own account

    @Message
    String account_title();

    @Message
    String account_name();

    @Message
    String account_email();

    @Message
    String account_organisation();

    @Message
    String account_place();

    @Message
    String account_role();

    @Message
    String account_since();

    @Message
    String account_not_given();

    @Message
    String account_hint();

    @Message
    String account_devices(long count);

    @Message
    String account_logout_everywhere();

    @Message
    String account_logout_everywhere_hint();

    // Refusals: problem details of the API and error texts of the forms.

    @Message
    String problem_no_details();

    @Message
    String problem_role_missing();

    @Message
    String problem_own_admin_role();

    @Message
    String problem_own_account_disabled();

    @Message
    String problem_account_not_found();

    @Message
    String problem_unusual_characters();

    @Message
    String problem_email_taken();

    @Message
    String problem_email_lookalike();

    @Message
    String problem_name_lookalike();

    @Message
    String problem_email_invalid();

    @Message
    String problem_password_short(int min);

    @Message
    String problem_password_long(int max);

    @Message
    String problem_enabled_missing();

    @Message
    String problem_max_uses(int max);

    @Message
    String problem_valid_days(int max);

    @Message
    String problem_invitation_unknown();

    @Message
    String problem_invitation_expired();

    @Message
    String problem_invitation_used();

    @Message
    String problem_invitation_revoked();

    @Message
    String problem_invitation_not_found();

    @Message
    String problem_login_throttled(long minutes);
}
