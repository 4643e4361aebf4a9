package org.thesenforum.journal;

import java.time.Instant;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.web.ForumConfig;

/** Deletes journal entries older than the retention; clients further behind get a reset and reload. */
@ApplicationScoped
class JournalPruner {

    private final Journal journal;
    private final ForumConfig config;

    JournalPruner(Journal journal, ForumConfig config) {
        this.journal = journal;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        int deleted = journal.pruneBefore(Instant.now().minus(config.live().retention()));
        if (deleted > 0) {
            Log.infof("Pruned %d journal entries older than %s", deleted, config.live().retention());
        }
    }
}
