package org.thesenforum.discussion;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** UI texts and refusals of the discussion feature (topic labels, the paper import); German in disc_de, English in disc_en. */
@MessageBundle(value = "disc", locale = "de")
public interface DiscussionMessages {

    /** "These 3", "Ansatz 1". */
    @Message
    String topic_label(TopicKind kind, int number);

    // Paper import

    @Message
    String papers_title();

    @Message
    String papers_intro();

    @Message
    String papers_text_heading();

    @Message
    String papers_text_label();

    @Message
    String papers_text_hint();

    @Message
    String papers_preview_submit();

    @Message
    String papers_file_heading();

    @Message
    String papers_file_label();

    @Message
    String papers_file_hint();

    @Message
    String papers_file_unreadable();

    @Message
    String papers_back();

    @Message
    String papers_preview_title(String title);

    @Message
    String papers_preview_intro();

    @Message
    String papers_field_title();

    @Message
    String papers_field_subtitle();

    @Message
    String papers_field_slug();

    @Message
    String papers_field_date();

    @Message
    String papers_theses(int count);

    @Message
    String papers_approaches(int count);

    @Message
    String papers_questions(int count);

    @Message
    String papers_none();

    @Message
    String papers_markdown();

    @Message
    String papers_confirm();

    // Refusals

    @Message
    String problem_discussion_not_found();

    @Message
    String problem_discussion_archived();

    @Message
    String archive_badge();

    @Message
    String archive_notice();

    @Message
    String archive_reopened_notice();

    @Message
    String archive_close();

    @Message
    String archive_close_hint();

    @Message
    String archive_reopen();

    @Message
    String archive_moderation_label();

    @Message
    String problem_topic_not_found();

    @Message
    String problem_paper_exists(String title, String slug);

    @Message
    String unread_count(long count);
}
