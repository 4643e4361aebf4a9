package org.thesenforum.demand;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** UI texts and refusals of joint demands; German in dem_de, English in dem_en. */
@MessageBundle(value = "dem", locale = "de")
public interface DemandMessages {

    // The demands on a topic page

    @Message
    String section_heading();

    @Message
    String section_pinned(Integer rank);

    @Message
    String section_proposed();

    @Message
    String section_counts(long supports, long agree, long disagree, long pass);

    @Message
    String consensus_state(Consensus.State state);

    // The overview of a discussion

    @Message
    String overview_heading();

    @Message
    String overview_counts(long pinned, long proposed);

    @Message
    String overview_paper();

    @Message
    String overview_paper_html();

    @Message
    String overview_paper_csv();

    // The demands paper (exports)

    @Message
    String paper_lang();

    @Message
    String paper_title(String title);

    @Message
    String paper_page();

    @Message
    String paper_date(String date);

    @Message
    String paper_joint_heading();

    @Message
    String paper_proposals_heading();

    @Message
    String paper_proposals_note();

    @Message
    String paper_none();

    @Message
    String paper_rationale();

    @Message
    String paper_topics();

    @Message
    String paper_counts(long supports, long agree, long disagree, long pass);

    @Message
    String paper_state(Consensus.State state, Consensus.Reason reason);

    @Message
    String paper_closed(String time);

    @Message
    String paper_objections();

    @Message
    String paper_acceptable_if();

    @Message
    String paper_dissents();

    @Message
    String csv_rank();

    @Message
    String csv_status();

    @Message
    String csv_title();

    @Message
    String csv_text();

    @Message
    String csv_rationale();

    @Message
    String csv_topics();

    @Message
    String csv_supports();

    @Message
    String csv_agree();

    @Message
    String csv_disagree();

    @Message
    String csv_pass();

    @Message
    String csv_state();

    @Message
    String csv_objections();

    @Message
    String csv_dissents();

    @Message
    String csv_joint();

    @Message
    String csv_proposal();

    // Refusals

    @Message
    String problem_export_format();

    @Message
    String problem_demand_not_found();

    @Message
    String problem_topics_required();

    @Message
    String problem_topic_unknown();

    @Message
    String problem_origin_unknown();

    @Message
    String problem_topic_locked();

    @Message
    String problem_edit_forbidden();

    @Message
    String problem_demand_closed();

    @Message
    String problem_voting_closed();

    @Message
    String problem_voting_closed_wording();

    @Message
    String problem_position_unknown();

    @Message
    String problem_objection_needs_disagree();

    @Message
    String problem_sort_unknown();

    @Message
    String problem_state_unknown();

    @Message
    String problem_topic_filter();

    // Comments on a topic page: the control to propose one as a demand, and the demands that grew out of it

    @Message
    String comment_propose();

    @Message
    String comment_demands_label();

    @Message
    String comment_demand();

    @Message
    String comment_demand_merged(String title);
}
