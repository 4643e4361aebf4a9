package org.thesenforum.discussion;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Refusals of the discussion feature; German in disc_de.properties, English in disc_en.properties. */
@MessageBundle(value = "disc", locale = "de")
public interface DiscussionMessages {

    @Message
    String problem_discussion_not_found();

    @Message
    String problem_topic_not_found();

    @Message
    String problem_paper_exists(String title, String slug);
}
