package org.thesenforum.beamer;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the projector view and its link on the overview; German in beamer_de, English in beamer_en. */
@MessageBundle(value = "beamer", locale = "de")
public interface BeamerMessages {

    @Message
    String title(String discussion);

    @Message
    String clock_label();

    @Message
    String agenda_now();

    @Message
    String agenda_waiting();

    @Message
    String countdown_label();

    @Message
    String comments_heading();

    @Message
    String comments_empty();

    @Message
    String demands_heading();

    @Message
    String demands_empty();

    @Message
    String demands_more(int count);

    @Message
    String demand_rank(int rank);

    @Message
    String demand_counts(long supports, long agree, long disagree, long pass);

    @Message
    String proposals(long count);

    @Message
    String join_heading();

    @Message
    String join_hint();

    @Message
    String qr_alt();

    @Message
    String section_heading();

    @Message
    String section_text();

    @Message
    String section_link();

    @Message
    String problem_part_not_found();
}
