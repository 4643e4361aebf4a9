package org.thesenforum.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.interceptor.Interceptor;

import org.thesenforum.cluster.Doorbell;
import org.thesenforum.discussion.Discussion;
import org.thesenforum.journal.AppendedElsewhere;
import org.thesenforum.journal.Journal;
import org.thesenforum.journal.JournalAppended;
import org.thesenforum.journal.JournalEntry;
import org.thesenforum.search.SearchDocument.Kind;
import org.thesenforum.web.ForumConfig;

/**
 * Keeps this instance's search index in step with the change log: after every commit that appended to a
 * discussion's journal, on start-up and every half minute it reads the entries after the seq the index reflects and
 * indexes the topics, comments and demands they name afresh from the database. A discussion the index does not
 * know, or whose log has been pruned past that seq, or whose database is another one, is indexed whole. All index
 * writes happen on one thread, in seq order.
 */
@ApplicationScoped
public class SearchIndexer {

    /** The folder under {@code forum.data-dir}; deleting it makes the next start rebuild the index. */
    static final String FOLDER = "search-index";
    private static final int BATCH = 500;
    /**
     * The shortest time between the starts of two catch-ups woken by commits: a busy discussion so costs at most
     * four index commits (each with its fsync and, now and then, a merge) per second, not one per post. A search
     * never waits for it: it runs its own catch-up at once when the index is behind ({@link #awaitSeq}).
     */
    static final long WAKE_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final Journal journal;
    private final SearchSources sources;
    private final Path folder;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "search-index");
        t.setDaemon(true);
        return t;
    });
    private volatile SearchIndex index;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    /** When the last catch-up started ({@link System#nanoTime()}); only the index thread writes it. */
    private volatile long lastRunStarted = System.nanoTime() - WAKE_GAP_NANOS;

    SearchIndexer(Journal journal, SearchSources sources, ForumConfig config) {
        this.journal = journal;
        this.sources = sources;
        this.folder = Path.of(config.dataDir()).resolve(FOLDER);
    }

    /** After the shipped paper is stored: opens the index and catches up in the background. */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) StartupEvent event) {
        executor.execute(() -> {
            try {
                index = SearchIndex.open(folder);
            } catch (RuntimeException e) {
                // Searches answer 503 until a restart; everything else works without the index.
                Log.error("Cannot open the search index in " + folder, e);
                return;
            }
            runCatchUp();
        });
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (index != null) {
            index.close();
        }
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) JournalAppended appended) {
        wake();
    }

    /** Another instance's doorbell: it logged changes to index. */
    void elsewhere(@Observes AppendedElsewhere appended) {
        wake();
    }

    /** The doorbell (re)connected: rings may have been missed meanwhile. */
    void listening(@Observes Doorbell.Listening listening) {
        wake();
    }

    /** The backstop: changes whose doorbell was missed, and anything a failed run left behind. */
    @Scheduled(every = "30s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodically() {
        wake();
    }

    /**
     * Queues one catch-up unless one is already waiting to start: a run reads everything logged up to when it
     * starts, so commits that arrive while one waits need no run of their own. The run starts at once after a quiet
     * spell, otherwise {@link #WAKE_GAP_NANOS} after the previous one started, so a busy forum costs a few index
     * commits per second, not one per post.
     */
    private void wake() {
        if (executor.isShutdown() || !wakePending.compareAndSet(false, true)) {
            return;
        }
        long delay = Math.max(0, lastRunStarted + WAKE_GAP_NANOS - System.nanoTime());
        try {
            executor.schedule(() -> {
                wakePending.set(false);
                runCatchUp();
            }, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            wakePending.set(false);
        }
    }

    /** Indexes everything logged so far and returns when done (tests, and searches that find the index behind). */
    public void catchUp() {
        await(executor.submit(this::runCatchUp), 60_000);
    }

    /** Deletes the index and builds it anew from the database; returns when done. */
    public void rebuild() {
        await(executor.submit(() -> {
            if (index != null) {
                index.close();
            }
            deleteFolder();
            index = SearchIndex.open(folder);
            runCatchUp();
        }), 300_000);
    }

    /**
     * Waits at most {@code millis} for the index to reach {@code seq} of a discussion; returns whether it has. A
     * search waits a moment for a change just made, but never long.
     */
    boolean awaitSeq(long discussionId, long seq, long millis) {
        if (indexedThrough(discussionId) >= seq) {
            return true;
        }
        Future<?> run = executor.submit(this::runCatchUp);
        try {
            run.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            Log.warn("Search index catch-up failed", e.getCause());
        }
        return indexedThrough(discussionId) >= seq;
    }

    /** The seq the index reflects for a discussion; -1 while it is not indexed. */
    long indexedThrough(long discussionId) {
        SearchIndex current = index;
        SearchIndex.State state = current == null ? null : current.states().get(discussionId);
        return state == null ? -1 : state.seq();
    }

    /** The index to search; empty while it is being opened. */
    Optional<SearchIndex> index() {
        return Optional.ofNullable(index);
    }

    private void await(Future<?> run, long millis) {
        try {
            run.get(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Search index catch-up failed", e);
        }
    }

    private void runCatchUp() {
        if (index == null) {
            return;
        }
        lastRunStarted = System.nanoTime();
        try {
            Map<Long, Long> stamps = QuarkusTransaction.requiringNew().call(() -> {
                Map<Long, Long> all = new LinkedHashMap<>();
                for (Discussion d : Discussion.<Discussion>listAll()) {
                    all.put(d.id, SearchSources.stamp(d));
                }
                return all;
            });
            for (Long gone : index.states().keySet()) {
                if (!stamps.containsKey(gone)) {
                    index.drop(gone);
                }
            }
            stamps.forEach(this::catchUp);
        } catch (RuntimeException e) {
            Log.error("Search index catch-up failed", e);
        }
    }

    private void catchUp(long discussionId, long stamp) {
        SearchIndex.State state = index.states().get(discussionId);
        long[] log = QuarkusTransaction.requiringNew().call(() -> new long[] {journal.latestSeq(discussionId),
                journal.prunedThrough(discussionId)});
        long latest = log[0];
        if (state == null || state.stamp() != stamp || state.seq() > latest || state.seq() < log[1]) {
            rebuild(discussionId, stamp);
            return;
        }
        long through = state.seq();
        while (through < latest) {
            long after = through;
            List<JournalEntry> entries = QuarkusTransaction.requiringNew()
                    .call(() -> journal.after(discussionId, after, BATCH));
            if (entries.isEmpty()) {
                // The seq is taken but not yet committed: the next wake-up continues from here.
                return;
            }
            through = entries.get(entries.size() - 1).seq;
            apply(discussionId, entries, new SearchIndex.State(through, stamp));
        }
    }

    private void apply(long discussionId, List<JournalEntry> entries, SearchIndex.State state) {
        Set<String> refs = new LinkedHashSet<>();
        for (JournalEntry e : entries) {
            if (e.topicId != null) {
                refs.add(SearchDocument.key(Kind.TOPIC, e.topicId));
            }
            if (e.entityKind != null && e.entityId != null && kind(e.entityKind) != null) {
                refs.add(SearchDocument.key(kind(e.entityKind), e.entityId));
            }
        }
        List<SearchDocument> upserts = new ArrayList<>();
        List<String> removals = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (String ref : refs) {
                String[] parts = ref.split(":");
                Optional<SearchDocument> doc = sources.read(kind(parts[0]), Long.parseLong(parts[1]));
                if (doc.isPresent() && doc.get().discussionId() == discussionId) {
                    upserts.add(doc.get());
                } else {
                    removals.add(ref);
                }
            }
        });
        index.apply(discussionId, upserts, removals, state);
    }

    private void rebuild(long discussionId, long stamp) {
        long started = System.nanoTime();
        // The seq first: whatever is logged after it is applied again by the next catch-up, which is harmless.
        long seq = QuarkusTransaction.requiringNew().call(() -> journal.latestSeq(discussionId));
        List<SearchDocument> docs = QuarkusTransaction.requiringNew()
                .call(() -> sources.all(Discussion.findById(discussionId)));
        index.replace(discussionId, docs, new SearchIndex.State(seq, stamp));
        Log.infof("Search index: discussion %d indexed whole (%d documents, %d ms)", discussionId, docs.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static Kind kind(String entityKind) {
        for (Kind k : Kind.values()) {
            if (k.entityKind().equals(entityKind)) {
                return k;
            }
        }
        return null;
    }

    private void deleteFolder() {
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            Log.warn("Cannot delete the search index folder " + folder, e);
        }
    }
}
