package org.thesenforum.journal;

import java.util.Collection;
import java.util.Map;

/**
 * Who may be named as present: the push layer counts connections and knows their accounts but no names and no
 * settings, so a feature that knows the people resolves the ids. An outlet like {@link ConnectionFacts}, the other
 * way round.
 */
public interface PresenceNames {

    /** The display names of those among {@code accountIds} who allow being shown as present, by account id. */
    Map<Long, String> shown(Collection<Long> accountIds);
}
