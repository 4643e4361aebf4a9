package org.thesenforum.comment;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The writing help of the comment forms (formatting in words, preview, characters left); compose_de and _en. */
@MessageBundle(value = "compose", locale = "de")
public interface ComposeMessages {

    @Message
    String hint();

    @Message
    String preview_button();

    @Message
    String preview_label();

    @Message
    String preview_failed();

    @Message
    String counter(String left);

    @Message
    String counter_over(String over);
}
