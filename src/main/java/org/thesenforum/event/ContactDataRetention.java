package org.thesenforum.event;

import java.time.Duration;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.cluster.ClusterJobs;

/** Hourly, on one instance of the forum: removes the contact data of registrations once their event is over by the retention time. */
@ApplicationScoped
class ContactDataRetention {

    private final RegistrationService registrations;
    private final EventConfig config;
    private final EventClock clock;
    private final ClusterJobs jobs;

    ContactDataRetention(RegistrationService registrations, EventConfig config, EventClock clock, ClusterJobs jobs) {
        this.jobs = jobs;
        this.registrations = registrations;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        jobs.runOnce("contact-data-retention", Duration.ofHours(1), this::run);
    }

    void run() {
        int removed = registrations.deleteExpiredContactData(clock.now(), config.retention());
        if (removed > 0) {
            Log.infof("Removed the contact data of %d event registrations after the retention time", removed);
        }
    }
}
