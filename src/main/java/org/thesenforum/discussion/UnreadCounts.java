package org.thesenforum.discussion;

import java.util.Map;

/**
 * How many contributions of each topic are new to a signed-in reader since they last opened it: an outlet
 * (docs/architecture.md, "Packages"), like {@link TopicActivity}. The contributions and the reader's visits belong to
 * a feature above this one (comment/ keeps the read markers), so that feature provides the figures.
 */
public interface UnreadCounts {

    /** New contributions per topic of the discussion for this account; topics without any are left out. */
    Map<Long, Long> byTopic(long discussionId, long accountId);
}
