package org.thesenforum.journal;

/**
 * Small frames that are not part of the journal: sent once to whoever is connected now, never replayed, for figures
 * that are sent again soon anyway (how many devices are up to date). Implemented by the push layer, so a feature can
 * send them without knowing it.
 */
public interface Notices {

    /**
     * Sends {@code {"type": type, "data": data}} to the connections of discussion {@code discussionId} that moderators
     * (or admins) hold; readers never get it. {@code data} is serialised as JSON.
     */
    void toModerators(long discussionId, String type, Object data);

    /**
     * Sends {@code {"type": type, "data": data}} to every open connection of account {@code accountId}, on whichever
     * discussion, and to no one else: personal news such as a notification. Connections whose session is ending get
     * nothing.
     */
    void toAccount(long accountId, String type, Object data);
}
