package org.thesenforum.live;

import java.time.Instant;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.web.ForumConfig;

/** Deletes log events older than the retention; clients further behind get a reset and reload. */
@ApplicationScoped
class EventPruner {

    private final EventLog log;
    private final ForumConfig config;

    EventPruner(EventLog log, ForumConfig config) {
        this.log = log;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        int deleted = log.pruneBefore(Instant.now().minus(config.live().retention()));
        if (deleted > 0) {
            Log.infof("Pruned %d live events older than %s", deleted, config.live().retention());
        }
    }
}
