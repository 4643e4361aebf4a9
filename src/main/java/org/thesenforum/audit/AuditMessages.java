package org.thesenforum.audit;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The audit log told in sentences, German in audit_de and English in audit_en. Each feature's {@link AuditSentences}
 * picks the sentence of its actions and fills in the names; {@link AuditSentence#slot} stands for a linked name.
 */
@MessageBundle(value = "audit", locale = "de")
public interface AuditMessages {

    @Message
    String system();

    @Message
    String unknown_target();

    @Message
    String action_other(String code);

    @Message
    String sentence_other(String actor, String detail);

    @Message
    String action_role_changed();

    @Message
    String sentence_role_changed(String actor, String person, String role);

    @Message
    String action_account_enabled();

    @Message
    String sentence_account_enabled(String actor, String person);

    @Message
    String action_account_disabled();

    @Message
    String sentence_account_disabled(String actor, String person);

    @Message
    String action_admin_created();

    @Message
    String sentence_admin_created(String person);

    @Message
    String action_invitation_created();

    @Message
    String sentence_invitation_created(String actor, int uses, String expires, String note);

    @Message
    String action_invitation_revoked();

    @Message
    String sentence_invitation_revoked(String actor, String created, String note);

    @Message
    String action_discussion_archived();

    @Message
    String sentence_discussion_archived(String actor, String discussion);

    @Message
    String action_discussion_reopened();

    @Message
    String sentence_discussion_reopened(String actor, String discussion);

    @Message
    String action_topic_locked();

    @Message
    String sentence_topic_locked(String actor, String topic);

    @Message
    String action_topic_unlocked();

    @Message
    String sentence_topic_unlocked(String actor, String topic);

    @Message
    String action_paper_imported();

    @Message
    String sentence_paper_imported(String actor, String discussion);

    @Message
    String action_report_hidden();

    @Message
    String sentence_report_hidden(String actor, String target);

    @Message
    String sentence_report_rejected(String actor, String target);

    @Message
    String action_report_dismissed();

    @Message
    String sentence_report_dismissed(String actor, String target);

    @Message
    String action_report_unhidden();

    @Message
    String sentence_report_unhidden(String actor, String target);

    @Message
    String action_report_kept_hidden();

    @Message
    String sentence_report_kept_hidden(String actor, String target);

    @Message
    String report_comment(String author, String topic);

    @Message
    String report_demand(String title);

    @Message
    String action_comment_hidden();

    @Message
    String sentence_comment_hidden(String actor, String author, String topic, String reason);

    @Message
    String action_comment_unhidden();

    @Message
    String sentence_comment_unhidden(String actor, String author, String topic);

    @Message
    String action_demand_proposed();

    @Message
    String sentence_demand_proposed(String actor, String demand);

    @Message
    String action_demand_edited();

    @Message
    String sentence_demand_edited(String actor, String demand);

    @Message
    String action_demand_supported();

    @Message
    String sentence_demand_supported(String actor, String demand);

    @Message
    String action_demand_support_withdrawn();

    @Message
    String sentence_demand_support_withdrawn(String actor, String demand);

    @Message
    String action_demand_position();

    @Message
    String sentence_demand_position(String actor, String demand);

    @Message
    String action_demand_objection_withdrawn();

    @Message
    String sentence_demand_objection_withdrawn(String actor, String demand);

    @Message
    String action_demand_dissent_added();

    @Message
    String sentence_demand_dissent_added(String actor, String demand);

    @Message
    String action_demand_voting_opened();

    @Message
    String sentence_demand_voting_opened(String actor, String demand);

    @Message
    String action_demand_voting_closed();

    @Message
    String sentence_demand_voting_closed(String actor, String demand);

    @Message
    String action_demand_pinned();

    @Message
    String sentence_demand_pinned(String actor, String demand);

    @Message
    String action_demand_unpinned();

    @Message
    String sentence_demand_unpinned(String actor, String demand);

    @Message
    String action_demand_pins_reordered();

    @Message
    String sentence_demand_pins_reordered(String actor, String discussion);

    @Message
    String action_demand_rejected();

    @Message
    String sentence_demand_rejected(String actor, String demand, String reason);

    @Message
    String action_demand_merged();

    @Message
    String sentence_demand_merged(String actor, String demand, String target);

    @Message
    String action_event_created();

    @Message
    String sentence_event_created(String actor, String event);

    @Message
    String action_event_edited();

    @Message
    String sentence_event_edited(String actor, String event);

    @Message
    String action_event_registration_closed();

    @Message
    String sentence_event_registration_closed(String actor, String event);

    @Message
    String action_event_registration_reopened();

    @Message
    String sentence_event_registration_reopened(String actor, String event);

    @Message
    String action_event_registration_invited();

    @Message
    String sentence_event_registration_invited(String actor, String event);

    @Message
    String action_meeting_agenda();

    @Message
    String sentence_meeting_agenda(String actor, String discussion, int items);

    @Message
    String action_meeting_focus();

    @Message
    String sentence_meeting_focus(String actor, String discussion, String item);

    @Message
    String action_meeting_started();

    @Message
    String sentence_meeting_started(String actor, String discussion);

    @Message
    String action_meeting_ended();

    @Message
    String sentence_meeting_ended(String actor, String discussion);

    @Message
    String action_site_text_changed();

    @Message
    String sentence_site_text_changed(String actor, String page);

    @Message
    String action_profile_changed();

    @Message
    String sentence_profile_changed(String actor, String person);

    @Message
    String action_password_reset_link();

    @Message
    String sentence_password_reset_link(String actor, String person);
}
