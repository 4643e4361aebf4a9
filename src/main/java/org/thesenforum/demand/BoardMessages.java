package org.thesenforum.demand;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Refusals of the moderators' board of joint demands (pin, order, merge, reject, dissent notes); German in
 * board_de.properties, English in board_en.properties.
 */
@MessageBundle(value = "board", locale = "de")
public interface BoardMessages {

    @Message
    String problem_demand_not_found();

    @Message
    String problem_rank_range(int max);

    @Message
    String problem_pin_closed();

    @Message
    String problem_not_pinned();

    @Message
    String problem_order_required();

    @Message
    String problem_order_not_permutation();

    @Message
    String problem_revision_required();

    @Message
    String problem_revision_stale();

    @Message
    String problem_merge_into_required();

    @Message
    String problem_merge_into_itself();

    @Message
    String problem_merge_target_not_found();

    @Message
    String problem_merge_other_discussion();

    @Message
    String problem_merge_source_closed();

    @Message
    String problem_merge_target_closed();

    @Message
    String problem_reject_closed();

    @Message
    String problem_dissent_not_pinned();
}
