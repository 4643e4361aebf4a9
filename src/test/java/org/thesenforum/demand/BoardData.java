package org.thesenforum.demand;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.thesenforum.account.Account;
import org.thesenforum.discussion.Discussion;
import org.thesenforum.discussion.Topic;
import org.thesenforum.testing.Fixtures.User;

/** Demands, discussions, supports and positions stored directly, for the board's tests. */
final class BoardData {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private BoardData() {
    }

    /** A fresh discussion of its own, so tests do not see each other's pinned lists; returns its slug. */
    static String discussion() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Discussion d = new Discussion();
            d.slug = "board-test-" + COUNTER.incrementAndGet() + "-" + System.nanoTime();
            d.title = "Testdiskussion für gemeinsame Forderungen";
            d.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            d.persist();
            return d.slug;
        });
    }

    /**
     * Removes a discussion made by {@link #discussion()} with its demands, everything on them and its journal, so that the
     * other tests keep seeing the shipped paper as the only discussion.
     */
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
            em.createNativeQuery("DELETE FROM comments WHERE topic_id IN (SELECT id FROM topics WHERE discussion_id = ?1)")
                    .setParameter(1, id).executeUpdate();
            em.createNativeQuery("DELETE FROM topics WHERE discussion_id = ?1").setParameter(1, id).executeUpdate();
            em.createNativeQuery("DELETE FROM journal_entries WHERE discussion_id = ?1").setParameter(1, id)
                    .executeUpdate();
            em.createNativeQuery("DELETE FROM discussions WHERE id = ?1").setParameter(1, id).executeUpdate();
        });
    }

    /** A thesis of a discussion made by {@link #discussion()}, numbered after the ones it has. */
    static long topic(String slug, String title) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Discussion d = Discussion.findBySlug(slug).orElseThrow();
            Topic t = new Topic();
            t.discussion = d;
            t.kind = org.thesenforum.discussion.TopicKind.THESIS;
            t.number = (int) Topic.count("discussion", d) + 1;
            t.position = t.number;
            t.title = title;
            t.body = "Text der These.";
            t.persist();
            return t.id;
        });
    }

    /** A proposed demand with its first wording. */
    static long demand(String slug, User author, String title) {
        return QuarkusTransaction.requiringNew().call(() -> store(Discussion.findBySlug(slug).orElseThrow(), null,
                author, title, "Text der Forderung „" + title + "“.", false));
    }

    /** A demand on a topic with its first wording; a pinned one goes to the end of its discussion's joint demands. */
    static long onTopic(long topicId, User author, String title, boolean pinned) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Topic topic = Topic.findById(topicId);
            return store(topic.discussion, topic, author, title, "Text von " + title, pinned);
        });
    }

    /** Stores a demand and its first wording in the caller's transaction. */
    private static long store(Discussion discussion, Topic topic, User author, String title, String body,
            boolean pinned) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Demand d = new Demand();
        d.discussion = discussion;
        d.author = Account.findById(author.id());
        if (topic != null) {
            d.topics.add(topic);
        }
        d.wording = 1;
        d.title = title;
        d.body = body;
        if (pinned) {
            // As the moderators' pinning does: the discussion row's lock keeps ranks 1..n under parallel tests.
            Demand.getEntityManager().createNativeQuery(
                    "UPDATE discussions SET pinned_revision = pinned_revision + 1 WHERE id = ?1")
                    .setParameter(1, discussion.id).executeUpdate();
            d.pinRank = (int) Demand.count("discussion = ?1 and status = ?2", discussion, Demand.Status.PINNED) + 1;
        }
        d.status = pinned ? Demand.Status.PINNED : Demand.Status.PROPOSED;
        d.createdAt = now;
        d.updatedAt = now;
        d.persist();
        DemandVersion v = new DemandVersion();
        v.demand = d;
        v.number = 1;
        v.title = d.title;
        v.body = d.body;
        v.editor = d.author;
        v.createdAt = now;
        v.persist();
        return d.id;
    }

    /** Gives the demand a second wording, so that carried-over supports can show which one they are on. */
    static void secondWording(long demandId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Demand d = Demand.findById(demandId);
            d.wording = 2;
        });
    }

    static void support(long demandId, User account) {
        QuarkusTransaction.requiringNew().run(() -> {
            Support s = new Support();
            s.demand = Demand.findById(demandId);
            s.account = Account.findById(account.id());
            s.wording = s.demand.wording;
            s.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            s.persist();
        });
    }

    static void position(long demandId, User account, Position.Stance stance) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Position p = new Position();
            p.demand = Demand.findById(demandId);
            p.account = Account.findById(account.id());
            p.wording = p.demand.wording;
            p.stance = stance;
            p.createdAt = now;
            p.updatedAt = now;
            p.persist();
        });
    }

    /** Account ids of the supports of a demand, one per support (duplicates would show). */
    static List<Long> supporters(long demandId) {
        return QuarkusTransaction.requiringNew().call(() -> Demand.getEntityManager().createQuery(
                "select s.account.id from Support s where s.demand.id = ?1 order by s.account.id", Long.class)
                .setParameter(1, demandId).getResultList());
    }

    static List<Integer> supportWordings(long demandId) {
        return QuarkusTransaction.requiringNew().call(() -> Demand.getEntityManager().createQuery(
                "select s.wording from Support s where s.demand.id = ?1", Integer.class)
                .setParameter(1, demandId).getResultList());
    }

    /** Stance of an account on a demand, or null. */
    static Position.Stance stance(long demandId, User account) {
        return QuarkusTransaction.requiringNew().call(() -> Position.<Position>find(
                "demand.id = ?1 and account.id = ?2", demandId, account.id()).firstResultOptional()
                .map(p -> p.stance).orElse(null));
    }

    static long positionCount(long demandId) {
        return QuarkusTransaction.requiringNew().call(() -> Position.count("demand.id", demandId));
    }

    static Demand.Status status(long demandId) {
        return QuarkusTransaction.requiringNew().call(() -> Demand.<Demand>findById(demandId).status);
    }

    /** Ranks of the pinned demands of a discussion, in rank order. */
    static List<Integer> ranks(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> Demand.<Demand>list(
                "discussion.slug = ?1 and status = ?2 order by pinRank", slug, Demand.Status.PINNED)
                .stream().map(d -> d.pinRank).toList());
    }

    /** Demands of a discussion that are not pinned but still have a rank: must never exist. */
    static long strayRanks(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> Demand.count(
                "discussion.slug = ?1 and status <> ?2 and pinRank is not null", slug, Demand.Status.PINNED));
    }

    static long demandCount(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> Demand.count("discussion.slug", slug));
    }

    static long auditCount(String action, long targetId) {
        return QuarkusTransaction.requiringNew().call(() -> Demand.getEntityManager().createQuery(
                "select count(e) from AuditEntry e where e.action = ?1 and e.targetId = ?2", Long.class)
                .setParameter(1, action).setParameter(2, targetId).getSingleResult());
    }
}
