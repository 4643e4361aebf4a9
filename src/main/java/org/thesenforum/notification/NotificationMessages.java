package org.thesenforum.notification;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts and refusals of personal notifications; German in ntf_de.properties, English in ntf_en.properties. */
@MessageBundle(value = "ntf", locale = "de")
public interface NotificationMessages {

    // One notification as a sentence

    @Message
    String text_reply(String actor, String topic);

    @Message
    String text_mention(String actor, String topic);

    @Message
    String text_new_demand(String actor, String topic, String title);

    @Message
    String text_demand_reworded(String title, String wording);

    @Message
    String text_comment_hidden(String topic, String reason);

    @Message
    String text_review_requested(String actor, String topic);

    @Message
    String text_report_handled(String topic, String outcome);

    @Message
    String someone();

    @Message
    String a_topic();

    @Message
    String a_demand();

    // The bell and the page

    @Message
    String page_title();

    @Message
    String page_intro();

    @Message
    String page_empty();

    @Message
    String page_mark_all();

    @Message
    String page_unread();

    @Message
    String page_older();

    @Message
    String page_settings_hint();

    // Following a topic

    @Message
    String follow_heading();

    @Message
    String follow_on();

    @Message
    String follow_off();

    @Message
    String follow_state_on();

    @Message
    String follow_state_off();

    // E-mail

    @Message
    String mail_subject(String text);

    @Message
    String mail_greeting(String name);

    @Message
    String mail_open();

    @Message
    String mail_unsubscribe();

    @Message
    String mail_digest_subject(long count);

    @Message
    String mail_digest_intro();

    @Message
    String mail_digest_replies(long count);

    @Message
    String mail_digest_mentions(long count);

    @Message
    String mail_digest_demands(long count, String topic);

    @Message
    String mail_digest_reworded(long count);

    @Message
    String mail_digest_moderation(long count);

    // Unsubscribing without signing in

    @Message
    String unsubscribe_title();

    @Message
    String unsubscribe_text(String email);

    @Message
    String unsubscribe_button();

    @Message
    String unsubscribe_done();

    @Message
    String unsubscribe_invalid();

    // Refusals

    @Message
    String problem_limit(int max);

    @Message
    String problem_before();

    @Message
    String problem_read_both();

    @Message
    String problem_read_seq();

    @Message
    String problem_not_found();

    @Message
    String problem_prefix();

    @Message
    String problem_discussion_unknown();
}
