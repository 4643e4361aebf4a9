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
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.thesenforum.journal.Journal;
import org.thesenforum.journal.JournalAppended;
import org.thesenforum.journal.JournalEntry;

/**
 * Pushes committed journal entries: after every commit that appended to the journal it reads the new entries, in
 * seq order, on one dispatch thread, and hands them to the hub. Reading the journal rather than passing objects
 * along keeps it the single source, so another instance on the same database could dispatch the same way.
 */
@ApplicationScoped
public class LiveDispatcher {

    private static final int BATCH = 500;

    private final Journal journal;
    private final LiveHub hub;
    private final Frames frames;
    private final Map<Long, Long> dispatchedThrough = new ConcurrentHashMap<>();
    private final Set<Long> dirty = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "live-dispatch");
        t.setDaemon(true);
        return t;
    });

    LiveDispatcher(Journal journal, LiveHub hub, Frames frames) {
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
