package org.thesenforum.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The instances' doorbell: PostgreSQL {@code NOTIFY} on one channel, and a connection of its own per instance that
 * {@code LISTEN}s on it. A ring says only <em>that</em> something changed and where (a discussion and its newest seq,
 * a session that ended): the data stays in the database, where the listener reads it. Notifications are not durable,
 * so whatever listens also reads on a timer (the backstop) and when the listening connection is (re)established
 * ({@link Listening}).
 *
 * <p>Rings are sent after the commit that they announce, never inside it: {@code NOTIFY} takes a cluster-wide lock when
 * its transaction commits, which would serialise every write of every instance. One sender thread sends them; rings
 * that come while a send is under way go together in the next one, and a ring with the key of a waiting one replaces
 * it (a discussion's newest seq), so a burst of writes costs a few notifications, not one each.
 *
 * <p>An instance ignores its own rings: it has already acted on them. Nothing happens unless {@link Cluster#shared()}.
 */
@ApplicationScoped
public class Doorbell {

    /** The channel of every instance of one forum database. */
    static final String CHANNEL = "thesenforum";
    /** PostgreSQL refuses payloads of 8,000 bytes and more; a ring is far smaller, a payload holds many. */
    static final int MAX_PAYLOAD = 7_900;
    /** The listening connection is checked this often with a query, so a silently dead one is noticed. */
    private static final long CHECK_EVERY_MILLIS = 10_000;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    /** Something another instance changed: {@code kind} (such as {@code journal}) and its text. */
    public record Rung(String kind, String body) {
    }

    /**
     * The listening connection has just been established (at start, or again after it was lost): notifications sent
     * in between are gone, so whatever follows the database by doorbell reads now what it may have missed.
     */
    public record Listening() {
    }

    private final Cluster cluster;
    private final Instance<DataSource> dataSource;
    private final Event<Rung> rung;
    private final Event<Listening> listening;
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private final boolean sending;

    private final Map<String, String> pending = new LinkedHashMap<>();
    private final AtomicBoolean sendScheduled = new AtomicBoolean();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> daemon(r, "doorbell-send"));
    private volatile Thread listener;
    private volatile Connection listeningConnection;
    private volatile boolean running;
    private volatile boolean connected;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();

    Doorbell(Cluster cluster, Instance<DataSource> dataSource, Event<Rung> rung, Event<Listening> listening,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.cluster = cluster;
        this.dataSource = dataSource;
        this.rung = rung;
        this.listening = listening;
        this.url = url;
        this.user = user;
        this.password = password;
        this.sending = cluster.shared() && cluster.settings().doorbell();
    }

    /** A doorbell that never rings nor listens, for code built outside the container (unit tests). */
    public static Doorbell silent() {
        return new Doorbell(Cluster.single(), null, null, null, "", Optional.empty(), Optional.empty());
    }

    /** After the features' own start-up: from here on, rings of other instances are passed on. */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 200) StartupEvent event) {
        if (!cluster.shared()) {
            return;
        }
        running = true;
        Thread t = daemon(this::listen, "doorbell-listen");
        listener = t;
        t.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Thread t = listener;
        if (t != null) {
            t.interrupt();
            Connection c = listeningConnection;
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException e) {
                    // Closing anyway.
                }
            }
        }
        sender.shutdown();
        try {
            sender.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Tells the other instances, soon after this call, that {@code kind} changed: call it after the commit. A ring
     * with the same kind and key that has not been sent yet is replaced, so give rings that must all arrive distinct
     * keys. {@code body} must not contain a line break.
     */
    public void ring(String kind, String key, String body) {
        if (!sending) {
            return;
        }
        if (kind.indexOf(' ') >= 0 || body.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("A ring's kind has no space and its body no line break");
        }
        synchronized (pending) {
            pending.put(kind + ' ' + key, kind + ' ' + body);
        }
        if (sendScheduled.compareAndSet(false, true)) {
            try {
                sender.execute(this::send);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // The instance is stopping: the other instances' backstop reads what this ring would have announced.
                sendScheduled.set(false);
            }
        }
    }

    /** Whether this instance is listening now (always false on a database of its own). */
    public boolean connected() {
        return connected;
    }

    /** Notifications sent, and connections made for listening, so far. */
    public long sent() {
        return sent.get();
    }

    public long connects() {
        return connects.get();
    }

    private void send() {
        sendScheduled.set(false);
        List<String> lines;
        synchronized (pending) {
            lines = new ArrayList<>(pending.values());
            pending.clear();
        }
        if (lines.isEmpty()) {
            return;
        }
        List<String> payloads = payloads(cluster.instanceId(), lines);
        try (Connection c = dataSource.get().getConnection();
                PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            for (String payload : payloads) {
                notify.setString(1, CHANNEL);
                notify.setString(2, payload);
                notify.execute();
                sent.incrementAndGet();
            }
        } catch (SQLException | RuntimeException e) {
            // The other instances heal it with their backstop read; the next ring tries again.
            Log.warnf("Doorbell: could not notify the other instances (%s); their backstop read catches up", e);
        }
    }

    /** The lines, after the sender's id, in payloads of at most {@link #MAX_PAYLOAD} bytes of UTF-8 each. */
    static List<String> payloads(String instanceId, List<String> lines) {
        List<String> payloads = new ArrayList<>();
        StringBuilder current = new StringBuilder(instanceId);
        int bytes = instanceId.length();
        for (String line : lines) {
            int lineBytes = line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes + 1 + lineBytes > MAX_PAYLOAD && current.length() > instanceId.length()) {
                payloads.add(current.toString());
                current = new StringBuilder(instanceId);
                bytes = instanceId.length();
            }
            current.append('\n').append(line);
            bytes += 1 + lineBytes;
        }
        if (current.length() > instanceId.length()) {
            payloads.add(current.toString());
        }
        return payloads;
    }

    private void listen() {
        long backoff = 250;
        while (running) {
            Properties props = new Properties();
            user.ifPresent(u -> props.setProperty("user", u));
            password.ifPresent(p -> props.setProperty("password", p));
            // Named, so that an operator (and a test) can find it in pg_stat_activity.
            props.setProperty("ApplicationName", "thesenforum-doorbell-" + cluster.instanceId());
            props.setProperty("tcpKeepAlive", "true");
            try (Connection c = DriverManager.getConnection(url, props)) {
                listeningConnection = c;
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                connected = true;
                connects.incrementAndGet();
                if (connects.get() > 1) {
                    Log.info("Doorbell: listening again; catching up from the log");
                }
                backoff = 250;
                listening.fire(new Listening());
                PGConnection pg = c.unwrap(PGConnection.class);
                long checked = System.currentTimeMillis();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            deliver(n.getParameter());
                        }
                    }
                    if (System.currentTimeMillis() - checked > CHECK_EVERY_MILLIS) {
                        try (Statement st = c.createStatement()) {
                            st.execute("SELECT 1");
                        }
                        checked = System.currentTimeMillis();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                connected = false;
                listeningConnection = null;
                if (!running) {
                    return;
                }
                Log.warnf("Doorbell: the listening connection is lost (%s); trying again in %d ms", e.getMessage(),
                        backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            } finally {
                connected = false;
                listeningConnection = null;
            }
        }
    }

    private void deliver(String payload) {
        String[] lines = payload.split("\n");
        if (lines.length < 2 || lines[0].equals(cluster.instanceId())) {
            return;
        }
        for (int i = 1; i < lines.length; i++) {
            int space = lines[i].indexOf(' ');
            if (space <= 0) {
                continue;
            }
            try {
                rung.fire(new Rung(lines[i].substring(0, space), lines[i].substring(space + 1)));
            } catch (RuntimeException e) {
                Log.error("Doorbell: acting on a ring failed", e);
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
