package org.thesenforum.demand;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Refusals of the demands feature; German in dem_de.properties, English in dem_en.properties. */
@MessageBundle(value = "dem", locale = "de")
public interface DemandMessages {

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
    String problem_position_unknown();

    @Message
    String problem_objection_needs_disagree();

    @Message
    String problem_sort_unknown();

    @Message
    String problem_state_unknown();

    @Message
    String problem_topic_filter();
}
