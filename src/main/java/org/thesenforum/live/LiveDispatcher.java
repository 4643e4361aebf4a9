package org.thesenforum.live;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.thesenforum.cluster.Cluster;
import org.thesenforum.cluster.Doorbell;
import org.thesenforum.journal.AppendedElsewhere;
import org.thesenforum.journal.Journal;
import org.thesenforum.journal.JournalAppended;
import org.thesenforum.journal.JournalEntry;

/**
 * Pushes committed journal entries: after every commit that appended to the journal it reads the new entries, in
 * seq order, on one dispatch thread, and hands them to the hub. Reading the journal rather than passing objects
 * along keeps it the single source: on a database shared with other instances, their commits reach this one as a
 * doorbell ({@link AppendedElsewhere}) or through the backstop read, and are read from the log the same way, each
 * entry once and in order.
 */
@ApplicationScoped
public class LiveDispatcher {

    private static final int BATCH = 500;

    private final Journal journal;
    private final LiveHub hub;
    private final Frames frames;
    private final Cluster cluster;
    private final Map<Long, Long> dispatchedThrough = new ConcurrentHashMap<>();
    /** Only the dispatch thread writes these three. */
    private volatile Map<Long, Long> lagTargets;
    private volatile long lagSince;
    private volatile Lag lag = new Lag(0, 0);
    private final Set<Long> dirty = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "live-dispatch");
        t.setDaemon(true);
        return t;
    });

    LiveDispatcher(Journal journal, LiveHub hub, Frames frames, Cluster cluster) {
        this.cluster = cluster;
        this.journal = journal;
        this.hub = hub;
        this.frames = frames;
    }

    @ActivateRequestContext
    void start(@Observes @Priority(10) StartupEvent event) {
        dispatchedThrough.putAll(journal.latestSeqs());
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) JournalAppended appended) {
        wake(appended.discussionId());
    }

    /** Another instance's doorbell: its entries are read from the log like this instance's own. */
    void elsewhere(@Observes AppendedElsewhere appended) {
        if (appended.seq() > dispatchedThrough(appended.discussionId())) {
            wake(appended.discussionId());
        }
    }

    /** The doorbell (re)connected: rings sent while it was away are lost, so read what is new now. */
    void listening(@Observes Doorbell.Listening listening) {
        executor.execute(this::backstopNow);
    }

    /**
     * The backstop, on a database shared with other instances: every {@code forum.cluster.backstop} the newest seq of
     * every discussion is compared with what was pushed, and a discussion behind is read, so a doorbell that never
     * rang (lost, or switched off) delays entries by at most this interval. It also measures the lag ({@link Lag}).
     */
    @Scheduled(every = "${forum.cluster.backstop:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void backstop() {
        if (cluster.shared()) {
            executor.execute(this::backstopNow);
        }
    }

    /** How far this instance's pushes are behind the log, as of the last backstop read. */
    public Lag lag() {
        return lag;
    }

    /**
     * Entries in the log not yet pushed, and for how long the instance has been behind: since the first backstop read
     * that found entries which later reads found still not pushed (0 when it keeps up).
     */
    public record Lag(long entries, double seconds) {
    }

    @ActivateRequestContext
    void backstopNow() {
        Map<Long, Long> latest;
        try {
            latest = journal.latestSeqs();
        } catch (RuntimeException e) {
            Log.warnf("Live backstop: cannot read the log's numbers (%s)", e.getMessage());
            return;
        }
        long now = System.nanoTime();
        long behind = 0;
        Map<Long, Long> behindTargets = new java.util.HashMap<>();
        for (Map.Entry<Long, Long> e : latest.entrySet()) {
            long through = dispatchedThrough.computeIfAbsent(e.getKey(), id -> 0L);
            if (e.getValue() > through) {
                behind += e.getValue() - through;
                behindTargets.put(e.getKey(), e.getValue());
                wake(e.getKey());
            }
        }
        // The lag runs from the read that first saw entries until a read finds all of them pushed.
        if (lagTargets != null && lagTargets.entrySet().stream()
                .allMatch(t -> dispatchedThrough(t.getKey()) >= t.getValue())) {
            lagTargets = null;
        }
        if (lagTargets == null && !behindTargets.isEmpty()) {
            lagTargets = behindTargets;
            lagSince = now;
        }
        lag = new Lag(behind, lagTargets == null ? 0 : (now - lagSince) / 1e9);
    }

    /** Everything up to this seq has been handed to the hub. */
    public long dispatchedThrough(long discussionId) {
        return dispatchedThrough.getOrDefault(discussionId, 0L);
    }

    void wake(long discussionId) {
        dirty.add(discussionId);
        if (scheduled.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        do {
            for (Long id : Set.copyOf(dirty)) {
                dirty.remove(id);
                try {
                    dispatch(id);
                } catch (RuntimeException e) {
                    Log.error("Live dispatch failed for discussion " + id, e);
                }
            }
            scheduled.set(false);
        } while (!dirty.isEmpty() && scheduled.compareAndSet(false, true));
    }

    private void dispatch(long discussionId) {
        List<JournalEntry> batch;
        do {
            long through = dispatchedThrough(discussionId);
            batch = frames.readAfter(discussionId, through, BATCH);
            for (JournalEntry e : batch) {
                // Each audience's frame is encoded once here; every connection of that audience gets the same bytes.
                Frames.Encoded encoded = frames.encode(e);
                hub.deliver(discussionId, e.seq, encoded.forReaders(), encoded.forModerators());
                dispatchedThrough.put(discussionId, e.seq);
            }
        } while (batch.size() == BATCH);
    }
}
