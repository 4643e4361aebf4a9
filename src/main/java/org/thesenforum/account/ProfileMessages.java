package org.thesenforum.account;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of "Mein Konto", the password reset and the account's own API; German in prof_de, English in prof_en. */
@MessageBundle(value = "prof", locale = "de")
public interface ProfileMessages {

    @Message
    String problem_not_own_profile();

    @Message
    String problem_account_deleted();

    @Message
    String problem_reset_unknown();

    @Message
    String problem_reset_used();

    @Message
    String problem_reset_expired();
}
