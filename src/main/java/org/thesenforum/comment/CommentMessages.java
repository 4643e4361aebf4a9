package org.thesenforum.comment;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Refusals of the comment feature; German in cmt_de.properties, English in cmt_en.properties. */
@MessageBundle(value = "cmt", locale = "de")
public interface CommentMessages {

    @Message
    String problem_topic_locked_new();

    @Message
    String problem_topic_locked_edit();

    @Message
    String problem_edit_not_author();

    @Message
    String problem_delete_not_author();

    @Message
    String problem_edit_deleted();

    @Message
    String problem_comment_not_found();

    @Message
    String problem_parent_missing();

    @Message
    String problem_parent_other_topic();

    @Message
    String problem_question_unknown();

    @Message
    String problem_question_filter();

    @Message
    String problem_invalid_id(String value);

    @Message
    String problem_too_many_comments(long seconds);

    @Message
    String problem_too_many_changes(long seconds);
}
