package org.thesenforum.demand;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** UI texts of the demands page; German in dpage_de, English in dpage_en. */
@MessageBundle(value = "dpage", locale = "de")
public interface DemandPageMessages {

    @Message
    String title(String discussion);

    @Message
    String heading();

    @Message
    String lead();

    @Message
    String breadcrumb();

    @Message
    String export_label();

    @Message
    String export_html();

    @Message
    String export_csv();

    @Message
    String pinned_heading();

    @Message
    String pinned_empty();

    @Message
    String pinned_drag_hint();

    @Message
    String proposals_heading();

    @Message
    String proposals_empty();

    @Message
    String proposals_empty_filtered();

    @Message
    String finished_heading();

    @Message
    String filter_sort();

    @Message
    String filter_sort_newest();

    @Message
    String filter_sort_support();

    @Message
    String filter_sort_consensus();

    @Message
    String filter_topic();

    @Message
    String filter_topic_all();

    @Message
    String filter_state();

    @Message
    String filter_state_all();

    @Message
    String filter_state_carries();

    @Message
    String filter_state_divides();

    @Message
    String filter_state_open();

    @Message
    String filter_apply();

    @Message
    String filter_reset();

    @Message
    String status_pinned(Integer rank);

    @Message
    String status_proposed();

    @Message
    String status_merged();

    @Message
    String status_rejected();

    @Message
    String wording(int number);

    @Message
    String byline(String author, String date);

    @Message
    String rationale();

    @Message
    String topics();

    @Message
    String origin(String author, String topic);

    @Message
    String origin_link();

    @Message
    String merged_into();

    @Message
    String rejected_reason(String reason);

    @Message
    String earlier(long current, long earlier);

    @Message
    String voting_closed(String time);

    @Message
    String objections_heading();

    @Message
    String objection_line(String author, String text);

    @Message
    String dissents_heading();

    @Message
    String dissent_line(String author);

    @Message
    String versions(int count);

    @Message
    String version_head(int number, String editor, String date);

    @Message
    String diff_added();

    @Message
    String diff_removed();

    @Message
    String ask_reader();

    @Message
    String support();

    @Message
    String support_confirm();

    @Message
    String support_withdraw();

    @Message
    String supported();

    @Message
    String vote_legend();

    @Message
    String vote_agree();

    @Message
    String vote_disagree();

    @Message
    String vote_pass();

    @Message
    String vote_objection();

    @Message
    String vote_objection_hint();

    @Message
    String vote_submit();

    @Message
    String objection_withdraw();

    @Message
    String dissent_label();

    @Message
    String dissent_submit();

    @Message
    String edit_summary();

    @Message
    String edit_note();

    @Message
    String edit_submit();

    @Message
    String moderation_label();

    @Message
    String pin_rank();

    @Message
    String pin_end();

    @Message
    String pin_submit();

    @Message
    String move_up();

    @Message
    String move_down();

    @Message
    String unpin();

    @Message
    String voting_close();

    @Message
    String voting_open();

    @Message
    String reject_summary();

    @Message
    String reject_reason();

    @Message
    String reject_submit();

    @Message
    String merge_summary();

    @Message
    String merge_into();

    @Message
    String merge_submit();

    @Message
    String propose_heading();

    @Message
    String propose_title();

    @Message
    String propose_text();

    @Message
    String propose_rationale();

    @Message
    String propose_topics();

    @Message
    String propose_origin(String author);

    @Message
    String propose_submit();

    @Message
    String propose_login();

    @Message
    String error_link();

    @Message
    String error_kept();

    @Message
    String moved_error();

    @Message
    String overview_link();

    @Message
    String problem_number(String value);

    @Message
    String problem_direction();

    @Message
    String propose_text_hint();
}
