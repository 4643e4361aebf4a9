package org.thesenforum.event;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** UI texts and refusals of events and registration; German in evt_de, English in evt_en. */
@MessageBundle(value = "evt", locale = "de")
public interface EventMessages {

    // Refusals

    @Message
    String problem_event_unknown();

    @Message
    String problem_discussion_unknown();
}
