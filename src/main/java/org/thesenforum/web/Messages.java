package org.thesenforum.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Common UI texts (layout, overview, topics); German in msg_de.properties, English in msg_en.properties. */
@MessageBundle(value = "msg", locale = "de")
public interface Messages {

    @Message
    String lang();

    @Message
    String app_name();

    @Message
    String nav_skip();

    @Message
    String nav_label();

    @Message
    String nav_admin();

    @Message
    String nav_invitations();

    @Message
    String nav_login();

    @Message
    String nav_logout();

    @Message
    String footer_text();

    @Message
    String footer_api();

    @Message
    String error_title(int status);

    @Message
    String error_home();
}
