package org.thesenforum.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.thesenforum.cluster.Cluster;
import org.thesenforum.cluster.Doorbell;

/**
 * How far this instance is behind the live log, for a load balancer and for monitoring. On a database shared with
 * other instances the instance is not ready ({@code /q/health/ready} answers 503) while its pushes have been behind
 * the log for longer than {@code forum.cluster.max-lag}; the figures are also gauges under {@code /q/metrics}:
 * {@code thesenforum_live_lag_entries}, {@code thesenforum_live_lag_seconds} and {@code
 * thesenforum_doorbell_connected}. On a database of its own the instance pushes each commit itself and is always
 * ready.
 */
@Readiness
@ApplicationScoped
class LiveLagCheck implements HealthCheck {

    private final LiveDispatcher dispatcher;
    private final Doorbell doorbell;
    private final Cluster cluster;
    private final MeterRegistry registry;

    LiveLagCheck(LiveDispatcher dispatcher, Doorbell doorbell, Cluster cluster, MeterRegistry registry) {
        this.dispatcher = dispatcher;
        this.doorbell = doorbell;
        this.cluster = cluster;
        this.registry = registry;
    }

    void register(@Observes StartupEvent event) {
        Gauge.builder("thesenforum.live.lag.entries", dispatcher, d -> d.lag().entries())
                .description("Entries of the live log not yet pushed to this instance's connections")
                .register(registry);
        Gauge.builder("thesenforum.live.lag.seconds", dispatcher, d -> d.lag().seconds())
                .description("How long this instance's pushes have been behind the live log").register(registry);
        Gauge.builder("thesenforum.doorbell.connected", doorbell, b -> b.connected() ? 1 : 0)
                .description("1 while this instance listens for the other instances' doorbell").register(registry);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("live-log");
        if (!cluster.shared()) {
            return response.up().withData("instances", "one").build();
        }
        LiveDispatcher.Lag lag = dispatcher.lag();
        boolean behind = lag.seconds() > cluster.settings().maxLag().toMillis() / 1000.0;
        return response.status(!behind).withData("instance", cluster.instanceId())
                .withData("entriesBehind", lag.entries()).withData("secondsBehind", Math.round(lag.seconds()))
                .withData("doorbellListening", doorbell.connected()).build();
    }
}
