package org.thesenforum.protocol;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the workshop protocol and its download links; German in proto_de, English in proto_en. */
@MessageBundle(value = "proto", locale = "de")
public interface ProtocolMessages {

    // The document

    @Message
    String lang();

    @Message
    String title(String title);

    @Message
    String page();

    @Message
    String kicker();

    @Message
    String paper();

    @Message
    String paper_date(String date);

    @Message
    String forum();

    @Message
    String figures(long contributions, long contributors);

    @Message
    String created();

    @Message
    String thread_heading();

    @Message
    String thread_none();

    @Message
    String omitted(int hidden, int deleted);

    @Message
    String demands_heading();

    @Message
    String demands_note();

    @Message
    String outcome_proposed();

    @Message
    String outcome_merged(String title);

    @Message
    String outcome_rejected(String reason);

    // The event and the agenda

    @Message
    String event();

    @Message
    String event_when(String date, String time);

    @Message
    String event_place();

    @Message
    String participants();

    @Message
    String participants_count(long attended, long registered);

    @Message
    String fields_heading();

    @Message
    String field_none();

    @Message
    String field_column();

    @Message
    String attended_column();

    @Message
    String registered_column();

    @Message
    String field_row(String label, long attended, long registered);

    @Message
    String agenda_heading();

    @Message
    String agenda_item();

    @Message
    String agenda_planned();

    @Message
    String agenda_actual();

    @Message
    String agenda_actual_times(String start, String end);

    // The download on a discussion's overview

    @Message
    String section_heading();

    @Message
    String section_text();

    @Message
    String section_download();

    @Message
    String section_html();

    // Refusals

    @Message
    String problem_format();
}
