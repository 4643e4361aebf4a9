package org.thesenforum.comment;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts that help readers find their way through a thread: links between replies, the comment's own link, what is
 * new since the last visit and the neighbouring topics; German in thr_de.properties, English in thr_en.properties.
 */
@MessageBundle(value = "thr", locale = "de")
public interface ThreadMessages {

    @Message
    String answers(int count);

    @Message
    String answer_deleted();

    @Message
    String link();

    @Message
    String link_title();

    @Message
    String hidden_own_note();

    @Message
    String unread_marker();

    @Message
    String unread_jump(int count);

    @Message
    String unread_count(long count);

    @Message
    String neighbours_label();

    @Message
    String previous();

    @Message
    String next();

    @Message
    String more_threads();

    @Message
    String more_threads_label();

    @Message
    String first_threads();

    @Message
    String unhide_question();
}
