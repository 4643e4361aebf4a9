package org.thesenforum.discussion;

import java.time.Instant;
import java.util.Map;

/**
 * How much is going on in a topic: how many visible contributions and the time of the newest. Discussion pages and
 * the API show it, but the contributions belong to features above this one (the thread in comment/), so that
 * feature provides it: an outlet in the sense of docs/architecture.md, and discussion/ never imports comment/.
 */
public interface TopicActivity {

    /** Activity of every topic of a discussion that has any, by topic id. */
    Map<Long, Activity> byTopic(long discussionId);

    /** Activity of one topic. */
    Activity of(long topicId);

    /** Number of visible contributions and the time of the newest (null when there is none). */
    record Activity(long count, Instant last) {

        public static final Activity NONE = new Activity(0, null);
    }
}
