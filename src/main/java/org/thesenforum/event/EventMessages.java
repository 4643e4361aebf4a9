package org.thesenforum.event;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** UI texts and refusals of events and registration; German in evt_de, English in evt_en. */
@MessageBundle(value = "evt", locale = "de")
public interface EventMessages {

    @Message
    String problem_event_unknown();

    @Message
    String problem_discussion_unknown();

    @Message
    String problem_organisers_only();

    @Message
    String problem_end_before_start();

    @Message
    String problem_capacity(Integer max);

    @Message
    String problem_date_time();

    @Message
    String problem_start_range(Integer first, Integer last);

    @Message
    String problem_end_range(Integer first, Integer last);

    @Message
    String problem_deadline_range(Integer first, Integer last);

    @Message
    String problem_deadline_after_event();

    @Message
    String problem_import_date(String title, Integer first, Integer last);

    @Message
    String problem_import_deadline(String title);

    @Message
    String problem_calendar_dates();

    @Message
    String problem_email();

    @Message
    String problem_field_of_work();

    @Message
    String problem_consent();

    @Message
    String problem_email_registered();

    @Message
    String problem_check_in_unconfirmed();

    @Message
    String problem_contact_deleted();

    @Message
    String problem_registration_unknown();

    @Message
    String problem_deadline_passed();

    @Message
    String problem_registration_closed();

    @Message
    String problem_no_registration();

    @Message
    String problem_too_many(Long minutes);

    @Message
    String csv_status();

    @Message
    String csv_position();

    @Message
    String csv_name();

    @Message
    String csv_email();

    @Message
    String csv_organisation();

    @Message
    String csv_field_of_work();

    @Message
    String csv_note();

    @Message
    String csv_registered_at();

    @Message
    String csv_checked_in_at();

    @Message
    String csv_invitation_requested_at();

    @Message
    String csv_invited_at();

    @Message
    String status(String status);

    @Message
    String mail_subject_confirmed(String title);

    @Message
    String mail_subject_waitlisted(String title);

    @Message
    String mail_subject_promoted(String title);

    @Message
    String mail_subject_invited(String title);

    @Message
    String mail_greeting(String name);

    @Message
    String mail_confirmed(String title);

    @Message
    String mail_waitlisted(String title);

    @Message
    String mail_promoted(String title);

    @Message
    String mail_invited(String title);

    @Message
    String mail_when(String when);

    @Message
    String mail_where(String where);

    @Message
    String mail_page(String url);

    @Message
    String mail_cancel(String url);

    @Message
    String mail_calendar();

    @Message
    String mail_privacy();

    @Message
    String mail_signature();

    @Message
    String problem_form_date();

    @Message
    String problem_form_time();

    @Message
    String problem_form_date_range(Integer first, Integer last);

    @Message
    String problem_form_capacity(Integer max);

    @Message
    String organiser_notice_closed();

    @Message
    String organiser_notice_reopened();

    @Message
    String organiser_notice_invited();

    @Message
    String organiser_notice_saved();

    @Message
    String privacy_text(Long days);

    @Message
    String events_heading();

    @Message
    String events_none();

    @Message
    String events_create();

    @Message
    String event_when();

    @Message
    String event_where();

    @Message
    String event_organisers();

    @Message
    String event_contact();

    @Message
    String event_fax();

    @Message
    String event_calendar();

    @Message
    String event_edit();

    @Message
    String event_registrations_link();

    @Message
    String event_places(Integer left, Integer capacity);

    @Message
    String event_deadline(String when);

    @Message
    String reg_heading();

    @Message
    String reg_open_intro();

    @Message
    String reg_full();

    @Message
    String reg_deadline_passed(String when);

    @Message
    String reg_closed();

    @Message
    String reg_none();

    @Message
    String reg_name();

    @Message
    String reg_email();

    @Message
    String reg_organisation();

    @Message
    String reg_field();

    @Message
    String reg_field_none();

    @Message
    String reg_note();

    @Message
    String reg_consent();

    @Message
    String reg_honeypot();

    @Message
    String reg_submit();

    @Message
    String reg_submit_waitlist();

    @Message
    String conf_title();

    @Message
    String conf_confirmed();

    @Message
    String conf_waitlisted(Integer position);

    @Message
    String conf_cancelled();

    @Message
    String conf_link();

    @Message
    String conf_cancel_hint();

    @Message
    String conf_cancel_button();

    @Message
    String conf_event_link();

    @Message
    String org_title(String title);

    @Message
    String org_counts(Long confirmed, Long waitlisted, Long cancelled, Long checkedIn);

    @Message
    String org_confirmed();

    @Message
    String org_waitlisted();

    @Message
    String org_cancelled();

    @Message
    String org_empty();

    @Message
    String org_csv();

    @Message
    String org_close();

    @Message
    String org_reopen();

    @Message
    String org_check_in();

    @Message
    String org_check_out();

    @Message
    String org_present();

    @Message
    String org_position(Integer position);

    @Message
    String org_invite();

    @Message
    String org_invited();

    @Message
    String org_requested();

    @Message
    String org_anonymised();

    @Message
    String org_fields_heading();

    @Message
    String org_field_row(String label, Long registered, Long attended);

    @Message
    String org_field_row_none(Long registered, Long attended);

    @Message
    String form_title_new();

    @Message
    String form_title_edit();

    @Message
    String form_for(String title);

    @Message
    String form_title();

    @Message
    String form_date();

    @Message
    String form_start();

    @Message
    String form_end();

    @Message
    String form_venue();

    @Message
    String form_street();

    @Message
    String form_postcode();

    @Message
    String form_city();

    @Message
    String form_description();

    @Message
    String form_organisers();

    @Message
    String form_contact();

    @Message
    String form_deadline();

    @Message
    String form_deadline_hint();

    @Message
    String form_capacity();

    @Message
    String form_capacity_hint(Integer max);

    @Message
    String form_save();

    @Message
    String form_cancel();

    @Message
    String join_title();

    @Message
    String join_intro(String title);

    @Message
    String join_read();

    @Message
    String join_login();

    @Message
    String join_request_heading();

    @Message
    String join_request_intro();

    @Message
    String join_request_submit();

    @Message
    String join_requested();

    @Message
    String section_heading();

    @Message
    String section_register();

    @Message
    String section_all();
}
