package org.thesenforum.cluster;

import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.thesenforum.web.ForumConfig;

/**
 * This instance among the others on the same database. On PostgreSQL several identical instances can serve one
 * forum behind a load balancer; what they must agree on (the live log's doorbell, presence, rate limits, scheduled
 * jobs, the keys) goes through the database, the only thing they share. On H2 the database belongs to one process, so
 * {@link #shared()} is false and every instance-wide mechanism works in memory as before.
 */
@ApplicationScoped
public class Cluster {

    private final boolean shared;
    private final String instanceId;
    private final ForumConfig.ClusterSettings settings;

    @Inject
    Cluster(@ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind, ForumConfig config) {
        this(dbKind.startsWith("postgres") && config.cluster().enabled(), config.cluster());
    }

    Cluster(boolean shared, ForumConfig.ClusterSettings settings) {
        this.shared = shared;
        this.settings = settings;
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        this.instanceId = HexFormat.of().formatHex(random);
    }

    /** An instance alone on its database, for code built outside the container (unit tests). */
    public static Cluster single() {
        return new Cluster(false, null);
    }

    /** Whether other instances may share the database: true on PostgreSQL unless {@code forum.cluster.enabled=false}. */
    public boolean shared() {
        return shared;
    }

    /** A random name of this process, new at every start (12 hex digits). */
    public String instanceId() {
        return instanceId;
    }

    public ForumConfig.ClusterSettings settings() {
        return settings;
    }
}
