package org.thesenforum.audit;

import java.util.Collection;
import java.util.Map;

/**
 * Names the people behind audit entries. The audit log stores only an actor's id, so it depends on no feature;
 * the feature that owns accounts provides this.
 */
public interface ActorNames {

    /** Display names of the given account ids; ids that no longer exist are left out. */
    Map<Long, String> namesOf(Collection<Long> ids);
}
