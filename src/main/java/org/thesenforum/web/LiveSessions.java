package org.thesenforum.web;

import java.util.Collection;
import java.util.Set;

/**
 * Which sessions have ended, for the push layer's backstop on a database shared with other instances: a session
 * ended on another instance closes this instance's connections when that instance's doorbell rings, and, should the
 * ring be lost, when this check finds the session gone. Implemented by the feature that keeps sessions; the push layer
 * knows only the ids ({@link SessionEnded}: a device session's id, or a token's negated id).
 */
public interface LiveSessions {

    /** Those of {@code sessionIds} that no longer exist. */
    Set<Long> gone(Collection<Long> sessionIds);
}
