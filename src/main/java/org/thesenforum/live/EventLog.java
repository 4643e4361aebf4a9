package org.thesenforum.live;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The append-only log of changes per discussion. Appending takes the next {@code seq} from the discussion row
 * under its lock, so numbers have no gaps and become visible in order; readers (live push, replay, the HTTP
 * feed, and later other instances) only ever read committed rows.
 */
@ApplicationScoped
public class EventLog {

    private final EntityManager em;
    private final Event<EventsAppended> appended;

    EventLog(EntityManager em, Event<EventsAppended> appended) {
        this.em = em;
        this.appended = appended;
    }

    /** What one audience gets: the entity's JSON and its HTML fragment. */
    public record Payload(String data, String html) {
    }

    /** Fired in the appending transaction; observed after commit to push the new events. */
    public record EventsAppended(long discussionId) {
    }

    /** Appends an event in the caller's transaction; {@code forModerators} is null when it equals the readers'. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long append(long discussionId, String type, Long topicId, Long entityId, Payload forReaders,
            Payload forModerators) {
        em.createNativeQuery("UPDATE discussions SET last_event_seq = last_event_seq + 1 WHERE id = ?1")
                .setParameter(1, discussionId).executeUpdate();
        LiveEvent event = new LiveEvent();
        event.discussionId = discussionId;
        event.seq = latestSeq(discussionId);
        event.type = type;
        event.topicId = topicId;
        event.entityId = entityId;
        event.data = forReaders.data();
        event.html = forReaders.html();
        if (forModerators != null && !forModerators.equals(forReaders)) {
            event.moderatorData = forModerators.data();
            event.moderatorHtml = forModerators.html();
        }
        event.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        event.persist();
        appended.fire(new EventsAppended(discussionId));
        return event.seq;
    }

    /**
     * Replaces what readers get from the earlier events of an entity (a comment that is now hidden or deleted),
     * keeping the original for moderators, so a replay never hands its text to readers.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void redact(long discussionId, long entityId, String typePrefix, Payload forReaders) {
        List<LiveEvent> earlier = LiveEvent.list("discussionId = ?1 and entityId = ?2 and type like ?3",
                discussionId, entityId, typePrefix + "%");
        for (LiveEvent e : earlier) {
            if (e.moderatorData == null) {
                e.moderatorData = e.data;
                e.moderatorHtml = e.html;
            }
            e.data = forReaders.data();
            e.html = forReaders.html();
        }
    }

    /** Committed events after {@code since}, in order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LiveEvent> after(long discussionId, long since, int limit) {
        return LiveEvent.<LiveEvent>find("discussionId = ?1 and seq > ?2 order by seq", discussionId, since)
                .page(0, limit).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long latestSeq(long discussionId) {
        return number("SELECT last_event_seq FROM discussions WHERE id = ?1", discussionId);
    }

    /** Events up to this seq have been pruned: a client behind it must reload. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long prunedThrough(long discussionId) {
        return number("SELECT pruned_through_seq FROM discussions WHERE id = ?1", discussionId);
    }

    /** Deletes events created before {@code cutoff}; returns how many. */
    @Transactional
    public int pruneBefore(Instant cutoff) {
        em.createNativeQuery("UPDATE discussions SET pruned_through_seq = (SELECT MAX(e.seq) FROM live_events e "
                + "WHERE e.discussion_id = discussions.id AND e.created_at < ?1) WHERE EXISTS (SELECT 1 FROM "
                + "live_events e WHERE e.discussion_id = discussions.id AND e.created_at < ?1)")
                .setParameter(1, cutoff).executeUpdate();
        return (int) LiveEvent.delete("createdAt < ?1", cutoff);
    }

    private long number(String sql, long id) {
        List<?> rows = em.createNativeQuery(sql).setParameter(1, id).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }
}
