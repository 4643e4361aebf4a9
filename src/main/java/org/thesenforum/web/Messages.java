package org.thesenforum.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** UI texts; German in messages/msg_de.properties, English in messages/msg_en.properties. */
@MessageBundle(value = "msg", locale = "de")
public interface Messages {

    @Message
    String app_name();

    @Message
    String error_title(int status);
}
