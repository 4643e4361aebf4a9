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
}
