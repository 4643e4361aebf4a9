package org.thesenforum.protocol;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.thesenforum.account.Account;
import org.thesenforum.comment.Comment;
import org.thesenforum.demand.Demand;
import org.thesenforum.demand.DemandVersion;
import org.thesenforum.demand.Dissent;
import org.thesenforum.demand.Position;
import org.thesenforum.discussion.Discussion;
import org.thesenforum.discussion.Topic;
import org.thesenforum.discussion.TopicKind;
import org.thesenforum.event.ForumEvent;
import org.thesenforum.event.Registration;
import org.thesenforum.meeting.AgendaItem;
import org.thesenforum.meeting.Meeting;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;

/** A discussion of its own for protocol tests, with topics, threads, demands, events and a meeting stored directly. */
final class ProtocolData {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private ProtocolData() {
    }

    static String discussion(String title) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Discussion d = new Discussion();
            d.slug = "protokoll-test-" + COUNTER.incrementAndGet() + "-" + System.nanoTime();
            d.title = title;
            d.subtitle = "Diskussionsgrundlage für die Expert/innenrunde";
            d.paperDate = LocalDate.of(2016, 4, 15);
            d.createdAt = now();
            d.persist();
            return d.slug;
        });
    }

    static long topic(String slug, TopicKind kind, String title, String body) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Discussion d = Discussion.findBySlug(slug).orElseThrow();
            Topic t = new Topic();
            t.discussion = d;
            t.kind = kind;
            t.number = (int) Topic.count("discussion = ?1 and kind = ?2", d, kind) + 1;
            t.position = (int) Topic.count("discussion", d) + 1;
            t.title = title;
            t.body = body;
            t.persist();
            return t.id;
        });
    }

    /** A comment written at {@code at}; {@code parentId} may be null. */
    static long comment(long topicId, User author, String body, Long parentId, Instant at) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Comment c = new Comment();
            c.topic = Topic.findById(topicId);
            c.author = Account.findById(author.id());
            c.parent = parentId == null ? null : Comment.findById(parentId);
            c.body = body;
            c.createdAt = at;
            c.persist();
            Fixtures.recountTopic(topicId);
            c.rootId = c.parent == null ? c.id : c.parent.root().id;
            return c.id;
        });
    }

    static void hide(long commentId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Comment c = Comment.findById(commentId);
            c.hidden = true;
            c.hiddenReason = "Persönlicher Angriff";
            c.hiddenAt = now();
            Fixtures.recountTopic(c.topic.id);
        });
    }

    static void delete(long commentId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Comment c = Comment.findById(commentId);
            c.deletedAt = now();
            Fixtures.recountTopic(c.topic.id);
        });
    }

    /** A demand with its first wording; a pinned one goes to the end of the joint demands. */
    static long demand(String slug, long topicId, User author, String title, Demand.Status status) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Discussion discussion = Discussion.findBySlug(slug).orElseThrow();
            Demand d = new Demand();
            d.discussion = discussion;
            d.author = Account.findById(author.id());
            d.topics.add(Topic.findById(topicId));
            d.wording = 1;
            d.title = title;
            d.body = "Text von " + title;
            d.status = status;
            if (status == Demand.Status.PINNED) {
                d.pinRank = (int) Demand.count("discussion = ?1 and status = ?2", discussion, status) + 1;
            }
            d.createdAt = now();
            d.updatedAt = d.createdAt;
            d.persist();
            DemandVersion v = new DemandVersion();
            v.demand = d;
            v.number = 1;
            v.title = d.title;
            v.body = d.body;
            v.editor = d.author;
            v.createdAt = d.createdAt;
            v.persist();
            return d.id;
        });
    }

    static void merge(long demandId, long intoId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Demand d = Demand.findById(demandId);
            d.status = Demand.Status.MERGED;
            d.mergedInto = Demand.findById(intoId);
        });
    }

    static void reject(long demandId, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            Demand d = Demand.findById(demandId);
            d.status = Demand.Status.REJECTED;
            d.rejectedReason = reason;
        });
    }

    /** A position on the current wording, with an open serious objection when {@code objection} is given. */
    static void position(long demandId, User account, Position.Stance stance, String objection) {
        QuarkusTransaction.requiringNew().run(() -> {
            Position p = new Position();
            p.demand = Demand.findById(demandId);
            p.account = Account.findById(account.id());
            p.wording = p.demand.wording;
            p.stance = stance;
            p.objection = objection;
            p.objectionOpen = objection != null;
            p.createdAt = now();
            p.updatedAt = p.createdAt;
            p.persist();
        });
    }

    static void dissent(long demandId, User author, String text) {
        QuarkusTransaction.requiringNew().run(() -> {
            Dissent n = new Dissent();
            n.demand = Demand.findById(demandId);
            n.author = Account.findById(author.id());
            n.text = text;
            n.createdAt = now();
            n.persist();
        });
    }

    /** An event of the discussion on {@code day}; {@code start} and {@code end} may be null. */
    static long event(String slug, String title, LocalDate day, Instant start, Instant end) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ForumEvent e = new ForumEvent();
            e.discussion = Discussion.findBySlug(slug).orElseThrow();
            e.title = title;
            e.startsOn = day;
            e.startsAt = start;
            e.endsAt = end;
            e.venueName = "Geschäftsstelle der LAG";
            e.street = "Stiftstr. 15";
            e.postcode = "30159";
            e.city = "Hannover";
            e.createdAt = now();
            e.updatedAt = e.createdAt;
            e.persist();
            return e.id;
        });
    }

    /** A registration with {@code fieldOfWork} (may be null), checked in when {@code present}. */
    static void registration(long eventId, Registration.Status status, String fieldOfWork, boolean present) {
        QuarkusTransaction.requiringNew().run(() -> {
            int n = COUNTER.incrementAndGet();
            Registration r = new Registration();
            r.event = ForumEvent.findById(eventId);
            r.status = status;
            r.name = "Teilnehmerin " + n;
            r.email = "teilnahme" + n + "-" + System.nanoTime() + "@example.org";
            r.fieldOfWork = fieldOfWork;
            r.tokenHash = String.format("%064x", System.nanoTime() * 1000 + n);
            r.createdAt = now();
            r.checkedInAt = present ? r.createdAt : null;
            r.persist();
        });
    }

    /** The discussion's meeting, held from {@code start} to {@code end}; returns its id. */
    static long meeting(String slug, Instant start, Instant end) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Meeting m = new Meeting();
            m.discussion = Discussion.findBySlug(slug).orElseThrow();
            m.startedAt = start;
            m.endedAt = end;
            m.updatedAt = now();
            m.persist();
            return m.id;
        });
    }

    /** An agenda item; {@code refId} null and {@code title} set for a free one; actual times may be null. */
    static void agendaItem(long meetingId, AgendaItem.Kind kind, Long refId, String title, Instant plannedStart,
            int minutes, Instant actualStart, Instant actualEnd) {
        QuarkusTransaction.requiringNew().run(() -> {
            Meeting m = Meeting.findById(meetingId);
            AgendaItem i = new AgendaItem();
            i.meeting = m;
            i.position = (int) AgendaItem.count("meeting", m) + 1;
            i.kind = kind;
            i.refId = refId;
            i.title = title;
            i.plannedStart = plannedStart;
            i.plannedMinutes = minutes;
            i.actualStart = actualStart;
            i.actualEnd = actualEnd;
            i.persist();
        });
    }

    static String displayName(User user) {
        return QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(user.id()).displayName);
    }

    /** Removes a discussion made by {@link #discussion} with everything in it. */
    static void drop(String slug) {
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Demand.getEntityManager();
            Long id = Discussion.findBySlug(slug).map(d -> d.id).orElse(null);
            if (id == null) {
                return;
            }
            String demands = "(SELECT id FROM demands WHERE discussion_id = ?1)";
            em.createNativeQuery("UPDATE demands SET merged_into_id = NULL WHERE discussion_id = ?1")
                    .setParameter(1, id).executeUpdate();
            for (String table : List.of("demand_dissents", "demand_supports", "demand_positions", "demand_versions",
                    "demand_topics")) {
                em.createNativeQuery("DELETE FROM " + table + " WHERE demand_id IN " + demands)
                        .setParameter(1, id).executeUpdate();
            }
            em.createNativeQuery("DELETE FROM demands WHERE discussion_id = ?1").setParameter(1, id).executeUpdate();
            em.createNativeQuery("DELETE FROM event_registrations WHERE event_id IN "
                    + "(SELECT id FROM events WHERE discussion_id = ?1)").setParameter(1, id).executeUpdate();
            em.createNativeQuery("DELETE FROM events WHERE discussion_id = ?1").setParameter(1, id).executeUpdate();
            em.createNativeQuery("UPDATE meetings SET focus_item_id = NULL WHERE discussion_id = ?1")
                    .setParameter(1, id).executeUpdate();
            em.createNativeQuery("DELETE FROM agenda_items WHERE meeting_id IN "
                    + "(SELECT id FROM meetings WHERE discussion_id = ?1)").setParameter(1, id).executeUpdate();
            em.createNativeQuery("DELETE FROM meetings WHERE discussion_id = ?1").setParameter(1, id).executeUpdate();
            em.createNativeQuery("UPDATE comments SET parent_id = NULL WHERE topic_id IN "
                    + "(SELECT id FROM topics WHERE discussion_id = ?1)").setParameter(1, id).executeUpdate();
            em.createNativeQuery("DELETE FROM comments WHERE topic_id IN "
                    + "(SELECT id FROM topics WHERE discussion_id = ?1)").setParameter(1, id).executeUpdate();
            em.createNativeQuery("DELETE FROM topics WHERE discussion_id = ?1").setParameter(1, id).executeUpdate();
            em.createNativeQuery("DELETE FROM journal_entries WHERE discussion_id = ?1").setParameter(1, id)
                    .executeUpdate();
            em.createNativeQuery("DELETE FROM discussions WHERE id = ?1").setParameter(1, id).executeUpdate();
        });
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
