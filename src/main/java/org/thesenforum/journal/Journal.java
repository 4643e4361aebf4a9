package org.thesenforum.journal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.thesenforum.cluster.Doorbell;

/**
 * The append-only journal of changes, one stream per discussion. Features append their own entries in the
 * transaction that made the change; readers (live push, replay, the HTTP feed, and later other instances) only ever
 * read committed entries. Appending takes the next {@code seq} from the discussion row under its lock, so numbers
 * have no gaps and become visible in order.
 *
 * <p>The journal owns the table {@code journal_entries} and the columns {@code last_event_seq} and
 * {@code pruned_through_seq} of {@code discussions}; it reaches them with native SQL, so it knows no feature.
 */
@ApplicationScoped
public class Journal {

    /** The doorbell's kind for appends: its text is the discussion's id and its newest seq. */
    static final String RING = "journal";

    private final EntityManager em;
    private final Event<JournalAppended> appended;
    private final Event<AppendedElsewhere> appendedElsewhere;
    private final Doorbell doorbell;
    private final TransactionSynchronizationRegistry transactions;
    /** How long appends waited for the discussion row's lock and held it until their transaction ended. */
    private final LongAdder appends = new LongAdder();
    private final LongAdder waitNanos = new LongAdder();
    private final LongAdder holdNanos = new LongAdder();
    private final LongAccumulator maxHoldNanos = new LongAccumulator(Math::max, 0);

    Journal(EntityManager em, Event<JournalAppended> appended, Event<AppendedElsewhere> appendedElsewhere,
            Doorbell doorbell, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.appended = appended;
        this.appendedElsewhere = appendedElsewhere;
        this.doorbell = doorbell;
        this.transactions = transactions;
    }

    /** What one audience gets: the entity's JSON and its page fragment (null when there is none). */
    public record Payload(String data, String html) {
    }

    /** The entity an entry is about: its kind ({@code comment}, {@code topic}, …) and id. */
    public record EntityRef(String kind, long id) {

        public EntityRef {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** How a fragment goes into the page. */
    public enum Swap {
        /** The fragment takes the place of the target element. */
        REPLACE,
        /** The fragment becomes the last child of the target element. */
        APPEND,
        /** The fragment becomes the first child of the target element. */
        PREPEND,
        /** The target element goes away. */
        REMOVE;

        /** The name on the wire and in the database. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where a fragment goes: the id of an element in the page, and how. */
    public record Placement(String target, Swap swap) {

        public Placement {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(swap, "swap");
        }

        public static Placement replace(String target) {
            return new Placement(target, Swap.REPLACE);
        }

        public static Placement append(String target) {
            return new Placement(target, Swap.APPEND);
        }

        public static Placement prepend(String target) {
            return new Placement(target, Swap.PREPEND);
        }

        public static Placement remove(String target) {
            return new Placement(target, Swap.REMOVE);
        }
    }

    /**
     * Appends an entry in the caller's transaction and returns its seq. {@code forModerators} is null when it equals
     * the readers' payload; {@code placement} is null when the entry carries no fragment.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long append(long discussionId, String type, Long topicId, EntityRef entity, Payload forReaders,
            Payload forModerators, Placement placement) {
        long asked = System.nanoTime();
        em.createNativeQuery("UPDATE discussions SET last_event_seq = last_event_seq + 1 WHERE id = ?1")
                .setParameter(1, discussionId).executeUpdate();
        long locked = System.nanoTime();
        JournalEntry entry = new JournalEntry();
        entry.discussionId = discussionId;
        entry.seq = latestSeq(discussionId);
        long seq = entry.seq;
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                long held = System.nanoTime() - locked;
                appends.increment();
                waitNanos.add(locked - asked);
                holdNanos.add(held);
                maxHoldNanos.accumulate(held);
                if (status == Status.STATUS_COMMITTED) {
                    // Several appends of one transaction ring once: a waiting ring takes the newest seq.
                    doorbell.ring(RING, Long.toString(discussionId), discussionId + " " + seq);
                }
            }
        });
        entry.type = type;
        entry.topicId = topicId;
        if (entity != null) {
            entry.entityKind = entity.kind();
            entry.entityId = entity.id();
        }
        entry.data = forReaders.data();
        entry.html = forReaders.html();
        if (forModerators != null && !forModerators.equals(forReaders)) {
            entry.moderatorData = forModerators.data();
            entry.moderatorHtml = forModerators.html();
        }
        if (placement != null) {
            entry.target = placement.target();
            entry.swap = placement.swap().value();
        }
        entry.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        entry.persist();
        appended.fire(new JournalAppended(discussionId));
        return entry.seq;
    }

    /** Another instance appended to a discussion's journal: passed on as {@link AppendedElsewhere}. */
    void rung(@Observes Doorbell.Rung rung) {
        if (!RING.equals(rung.kind())) {
            return;
        }
        String[] parts = rung.body().split(" ");
        try {
            appendedElsewhere.fire(new AppendedElsewhere(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            Log.warnf("Journal: ignored a malformed ring '%s'", rung.body());
        }
    }

    /**
     * Replaces what readers get from the earlier entries about an entity (a comment that is now hidden or deleted),
     * keeping the original for moderators, so a replay never hands its text to readers.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void redact(long discussionId, String entityKind, long entityId, Payload forReaders) {
        List<JournalEntry> earlier = JournalEntry.list("discussionId = ?1 and entityKind = ?2 and entityId = ?3",
                discussionId, entityKind, entityId);
        for (JournalEntry e : earlier) {
            if (e.moderatorData == null) {
                e.moderatorData = e.data;
                e.moderatorHtml = e.html;
            }
            e.data = forReaders.data();
            e.html = forReaders.html();
        }
    }

    /**
     * Replaces what every audience gets from the earlier entries about an entity with its present state: an account
     * deleted since then leaves no name in a replay either. {@code forModerators} null: moderators get what readers
     * get. One statement, without loading the entries.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rewrite(long discussionId, String entityKind, long entityId, Payload forReaders,
            Payload forModerators) {
        boolean same = forModerators == null || forModerators.equals(forReaders);
        JournalEntry.getEntityManager().createQuery("update JournalEntry e set e.data = ?1, e.html = ?2, "
                + "e.moderatorData = ?3, e.moderatorHtml = ?4 where e.discussionId = ?5 and e.entityKind = ?6 "
                + "and e.entityId = ?7")
                .setParameter(1, forReaders.data()).setParameter(2, forReaders.html())
                .setParameter(3, same ? null : forModerators.data()).setParameter(4, same ? null : forModerators.html())
                .setParameter(5, discussionId).setParameter(6, entityKind).setParameter(7, entityId)
                .executeUpdate();
    }

    /** An entity the retained log has entries about, in the discussion it belongs to. */
    public record Logged(long discussionId, long entityId) {
    }

    /** Those of {@code entityIds} (of one kind) that the retained log still has entries about, each once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Logged> logged(String entityKind, java.util.Collection<Long> entityIds) {
        List<Long> ids = List.copyOf(entityIds);
        List<Logged> logged = new java.util.ArrayList<>();
        for (int from = 0; from < ids.size(); from += 500) {
            JournalEntry.getEntityManager().createQuery("select distinct e.discussionId, e.entityId from "
                    + "JournalEntry e where e.entityKind = ?1 and e.entityId in ?2", Object[].class)
                    .setParameter(1, entityKind).setParameter(2, ids.subList(from, Math.min(ids.size(), from + 500)))
                    .getResultList().forEach(r -> logged.add(new Logged((Long) r[0], (Long) r[1])));
        }
        return logged;
    }

    /** Committed entries after {@code since}, in order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<JournalEntry> after(long discussionId, long since, int limit) {
        return JournalEntry.<JournalEntry>find("discussionId = ?1 and seq > ?2 order by seq", discussionId, since)
                .page(0, limit).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long latestSeq(long discussionId) {
        return number("SELECT last_event_seq FROM discussions WHERE id = ?1", discussionId);
    }

    /** The latest seq of every stream, by discussion id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Long> latestSeqs() {
        List<Object[]> rows = em.createNativeQuery("SELECT id, last_event_seq FROM discussions", Object[].class)
                .getResultList();
        Map<Long, Long> latest = new HashMap<>();
        rows.forEach(r -> latest.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
        return latest;
    }

    /** Entries up to this seq have been pruned: a client behind it must reload. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long prunedThrough(long discussionId) {
        return number("SELECT pruned_through_seq FROM discussions WHERE id = ?1", discussionId);
    }

    /** The stream (discussion id) of a discussion's slug; empty for an unknown slug. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Long> streamOf(String slug) {
        List<?> rows = em.createNativeQuery("SELECT id FROM discussions WHERE slug = ?1").setParameter(1, slug)
                .getResultList();
        return rows.stream().findFirst().map(id -> ((Number) id).longValue());
    }

    /** Deletes entries created before {@code cutoff}; returns how many. */
    @Transactional
    public int pruneBefore(Instant cutoff) {
        em.createNativeQuery("UPDATE discussions SET pruned_through_seq = (SELECT MAX(e.seq) FROM journal_entries e "
                + "WHERE e.discussion_id = discussions.id AND e.created_at < ?1) WHERE EXISTS (SELECT 1 FROM "
                + "journal_entries e WHERE e.discussion_id = discussions.id AND e.created_at < ?1)")
                .setParameter(1, cutoff).executeUpdate();
        return (int) JournalEntry.delete("createdAt < ?1", cutoff);
    }

    /**
     * The discussion row's lock is the journal's order: appends to one discussion run one after the other from the
     * {@code UPDATE} to the end of their transaction. On shutdown the log says how long that took (docs/benchmarks.md,
     * "Writes"): the inverse of the mean hold is the most appends one discussion can take per second.
     */
    void stop(@Observes ShutdownEvent event) {
        long n = appends.sum();
        if (n > 0) {
            Log.infof("Journal: %d appends; discussion lock: mean wait %.3f ms (incl. the UPDATE), mean hold %.3f ms "
                    + "(UPDATE to end of transaction), max hold %.1f ms", n, waitNanos.sum() / 1e6 / n,
                    holdNanos.sum() / 1e6 / n, maxHoldNanos.get() / 1e6);
        }
    }

    private long number(String sql, long id) {
        List<?> rows = em.createNativeQuery(sql).setParameter(1, id).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }
}
