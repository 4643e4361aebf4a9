package org.thesenforum.journal;

import java.time.Duration;
import java.time.Instant;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.cluster.ClusterJobs;
import org.thesenforum.web.ForumConfig;

/** Deletes journal entries older than the retention; clients further behind get a reset and reload. */
@ApplicationScoped
class JournalPruner {

    private final Journal journal;
    private final ForumConfig config;
    private final ClusterJobs jobs;

    JournalPruner(Journal journal, ForumConfig config, ClusterJobs jobs) {
        this.journal = journal;
        this.config = config;
        this.jobs = jobs;
    }

    /** Hourly, on one instance of the forum. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        jobs.runOnce("journal-prune", Duration.ofHours(1), this::prune);
    }

    void prune() {
        int deleted = journal.pruneBefore(Instant.now().minus(config.live().retention()));
        if (deleted > 0) {
            Log.infof("Pruned %d journal entries older than %s", deleted, config.live().retention());
        }
    }
}
