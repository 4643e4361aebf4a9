package org.thesenforum.cluster;

import java.time.Instant;
import java.util.List;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;

import org.thesenforum.web.ForumConfig;

/**
 * Another instance of the forum on the same database, as far as the shared limits go: counters with an instance id
 * of their own, on the same table. Tests hand them to a second limiter object to count as that instance would.
 */
public final class OtherInstanceCounters {

    private OtherInstanceCounters() {
    }

    /** Whether this test run shares its database (PostgreSQL); the tests of shared limits are skipped otherwise. */
    public static boolean sharedDatabase() {
        return Arc.container().instance(Cluster.class).get().shared();
    }

    /** The shared counters of a new instance. */
    public static SharedCounters counters() {
        ForumConfig config = Arc.container().instance(ForumConfig.class).get();
        return new SharedCounters(new Cluster(true, config.cluster()),
                Arc.container().instance(AgroalDataSource.class).get());
    }

    /** Entries under {@code key} of {@code kind} that are live at {@code now}, whichever instance counted them. */
    public static int live(String key, String kind, Instant now) {
        return counters().locked(List.of(key), now, tally -> tally.count(key, kind));
    }
}
