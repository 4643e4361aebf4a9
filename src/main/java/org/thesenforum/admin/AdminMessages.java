package org.thesenforum.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** UI texts of the admin area and the legal pages; German in adm_de, English in adm_en. */
@MessageBundle(value = "adm", locale = "de")
public interface AdminMessages {

    @Message
    String nav_label();

    @Message
    String nav_invitations();

    @Message
    String nav_accounts();

    @Message
    String nav_audit();

    @Message
    String nav_texts();

    @Message
    String nav_papers();

    @Message
    String copy_button();

    @Message
    String copy_done();

    @Message
    String title_admin();

    @Message
    String title_moderator();

    @Message
    String base_url_warning(String configured, String inUse);

    @Message
    String invitation_heading();

    @Message
    String invitation_intro();

    @Message
    String invitation_max_uses();

    @Message
    String invitation_max_uses_hint();

    @Message
    String invitation_valid_days();

    @Message
    String invitation_note();

    @Message
    String invitation_note_hint();

    @Message
    String invitation_submit();

    @Message
    String invitation_created();

    @Message
    String invitation_created_link();

    @Message
    String invitation_created_details(int max, String expires);

    @Message
    String invitation_done_revoked();

    @Message
    String invitation_recent();

    @Message
    String invitation_none();

    @Message
    String invitation_col_note();

    @Message
    String invitation_no_note();

    @Message
    String invitation_col_status();

    @Message
    String invitation_status(String status);

    @Message
    String invitation_col_uses();

    @Message
    String invitation_uses(int uses, int max);

    @Message
    String invitation_col_expires();

    @Message
    String invitation_col_created();

    @Message
    String invitation_created_by(String name);

    @Message
    String invitation_link_label();

    @Message
    String invitation_revoke();

    @Message
    String accounts_title();

    @Message
    String accounts_done_role();

    @Message
    String accounts_done_enabled();

    @Message
    String accounts_done_disabled();

    @Message
    String accounts_done_profile();

    @Message
    String accounts_search_label();

    @Message
    String accounts_search_hint();

    @Message
    String accounts_search_submit();

    @Message
    String accounts_search_reset();

    @Message
    String accounts_found(long total, String query);

    @Message
    String accounts_all(long total);

    @Message
    String accounts_you();

    @Message
    String accounts_col_email();

    @Message
    String accounts_col_organisation();

    @Message
    String accounts_col_place();

    @Message
    String accounts_col_role();

    @Message
    String accounts_col_status();

    @Message
    String accounts_col_since();

    @Message
    String accounts_active();

    @Message
    String accounts_disabled();

    @Message
    String accounts_role_label(String name);

    @Message
    String accounts_role_submit();

    @Message
    String accounts_disable();

    @Message
    String accounts_enable();

    @Message
    String pager_label();

    @Message
    String pager_previous();

    @Message
    String pager_next();

    @Message
    String pager_position(int page, int pages);

    @Message
    String audit_title();

    @Message
    String audit_intro();

    @Message
    String audit_filter_label();

    @Message
    String audit_person();

    @Message
    String audit_person_all();

    @Message
    String audit_action();

    @Message
    String audit_action_all();

    @Message
    String audit_filter_submit();

    @Message
    String audit_filter_reset();

    @Message
    String audit_count(long total);

    @Message
    String audit_none();

    @Message
    String site_page_title(SitePage page);

    @Message
    String site_page_updated(String updated);

    @Message
    String site_page_missing(SitePage page);

    @Message
    String texts_title();

    @Message
    String texts_intro();

    @Message
    String texts_saved();

    @Message
    String texts_view();

    @Message
    String texts_body_label(SitePage page);

    @Message
    String texts_body_hint();

    @Message
    String texts_submit();

    @Message
    String footer_impressum();

    @Message
    String footer_privacy();

    @Message
    String problem_admins_only();

    @Message
    String accounts_col_name();

    @Message
    String accounts_deleted();

    @Message
    String accounts_reset_submit();

    @Message
    String accounts_reset_created(String name, String until);

    @Message
    String accounts_reset_label();

    @Message
    String accounts_profile_summary();

    @Message
    String accounts_profile_submit();
}
