package org.thesenforum.testing;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import org.thesenforum.account.Account;
import org.thesenforum.account.Role;
import org.thesenforum.comment.Comment;
import org.thesenforum.discussion.Discussion;
import org.thesenforum.discussion.GuidingQuestion;
import org.thesenforum.discussion.Topic;
import org.thesenforum.discussion.TopicKind;

/** Builders for test data: accounts of each role, and request specs that sign in as them. */
public final class Fixtures {

    public static final String PASSWORD = "correct-horse-battery";
    public static final String SLUG = "ankommen-im-gemeinwesen";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String HASH = BcryptUtil.bcryptHash(PASSWORD, 4);

    private Fixtures() {
    }

    /** A signed-up person: id, e-mail and role. */
    public record User(long id, String email, Role role) {

        /** A request authenticated with HTTP Basic. */
        public RequestSpecification as() {
            return given().auth().preemptive().basic(email, PASSWORD).contentType(ContentType.JSON);
        }
    }

    public static User expert() {
        return account(Role.EXPERT);
    }

    public static User moderator() {
        return account(Role.MODERATOR);
    }

    public static User admin() {
        return account(Role.ADMIN);
    }

    /** An expert whose password is {@code password} instead of {@link #PASSWORD}. */
    public static User withPassword(String password) {
        String hash = BcryptUtil.bcryptHash(password, 4);
        User user = expert();
        QuarkusTransaction.requiringNew().run(() -> Account.<Account>findById(user.id()).passwordHash = hash);
        return user;
    }

    public static User account(Role role) {
        String email = role.name().toLowerCase() + COUNTER.incrementAndGet() + "-" + System.nanoTime() + "@example.org";
        return QuarkusTransaction.requiringNew().call(() -> {
            Account a = new Account();
            a.email = email;
            a.displayName = "Test " + role.name().charAt(0) + role.name().substring(1).toLowerCase() + " "
                    + COUNTER.get();
            a.organisation = "Quartiersbüro Test";
            a.place = "Hannover-Linden";
            a.passwordHash = HASH;
            a.role = role;
            a.enabled = true;
            a.createdAt = Instant.now();
            a.persist();
            return new User(a.id, email, role);
        });
    }

    /** Id of thesis or approach {@code number} of the shipped paper. */
    public static long topicId(TopicKind kind, int number) {
        return QuarkusTransaction.requiringNew().call(() -> Topic.<Topic>find(
                "discussion.slug = ?1 and kind = ?2 and number = ?3", SLUG, kind, number).singleResult().id);
    }

    public static long thesis(int number) {
        return topicId(TopicKind.THESIS, number);
    }

    /** A fresh unlocked topic of its own, so tests do not see each other's comments. */
    public static long freshTopic() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Discussion d = Discussion.findBySlug(SLUG).orElseThrow();
            Topic t = new Topic();
            t.discussion = d;
            t.kind = TopicKind.APPROACH;
            t.number = 100 + COUNTER.incrementAndGet();
            t.position = t.number;
            t.title = "Testthema " + t.number;
            t.body = "Text des Testthemas.";
            t.persist();
            return t.id;
        });
    }

    /** Comments stored for a topic, deleted and hidden ones included. */
    public static long commentCount(long topicId) {
        return QuarkusTransaction.requiringNew().call(() -> Comment.count("topic.id", topicId));
    }

    /** A comment stored directly, bypassing the API and its rate limit; {@code parentId} may be null. */
    public static long comment(long topicId, User author, String body, Long parentId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Comment c = new Comment();
            c.topic = Topic.findById(topicId);
            c.author = Account.findById(author.id());
            c.parent = parentId == null ? null : Comment.findById(parentId);
            c.body = body;
            c.createdAt = Instant.now();
            c.persist();
            recountTopic(topicId);
            c.rootId = c.parent == null ? c.id : c.parent.root().id;
            return c.id;
        });
    }

    /**
     * Sets a topic's kept activity figures (visible comments and the newest one) from its comments, as migration
     * V17 does, for comments stored or changed directly. Must run inside a transaction.
     */
    public static void recountTopic(long topicId) {
        Topic.getEntityManager().createNativeQuery("UPDATE topics SET comment_count = (SELECT COUNT(*) FROM comments c "
                + "WHERE c.topic_id = ?1 AND c.deleted_at IS NULL AND c.hidden = FALSE), last_comment_at = (SELECT "
                + "MAX(c.created_at) FROM comments c WHERE c.topic_id = ?1 AND c.deleted_at IS NULL AND c.hidden = FALSE) "
                + "WHERE id = ?1").setParameter(1, topicId).executeUpdate();
    }

    /** Number of accounts of every role. */
    public static long accountCount() {
        return QuarkusTransaction.requiringNew().call(() -> Account.count());
    }

    /** Stores a comment directly, bypassing the rate limit; {@code parentId} and {@code questionId} may be null. */
    public static long comment(long topicId, User author, Long parentId, Long questionId, String body) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Comment c = new Comment();
            c.topic = Topic.findById(topicId);
            c.author = Account.findById(author.id());
            c.parent = parentId == null ? null : Comment.findById(parentId);
            c.question = questionId == null ? null : GuidingQuestion.findById(questionId);
            c.body = body;
            c.createdAt = Instant.now();
            c.persist();
            recountTopic(topicId);
            c.rootId = c.parent == null ? c.id : c.parent.root().id;
            return c.id;
        });
    }

    /** Id of guiding question {@code position} (1 to 4) of the shipped paper. */
    public static long question(int position) {
        return QuarkusTransaction.requiringNew().call(() -> GuidingQuestion.<GuidingQuestion>find(
                "discussion.slug = ?1 and position = ?2", SLUG, position).singleResult().id);
    }

    /** Locks a topic directly. */
    public static void lock(long topicId) {
        QuarkusTransaction.requiringNew().run(() -> Topic.<Topic>findById(topicId).locked = true);
    }

    /** Whether a comment with exactly this body exists on the topic. */
    public static boolean commentExists(long topicId, String body) {
        return QuarkusTransaction.requiringNew().call(() ->
                Comment.count("topic.id = ?1 and body = ?2", topicId, body) > 0);
    }

    /** Prunes the journal as the scheduled job would, with the given cutoff. */
    public static int pruneJournalBefore(java.time.Instant cutoff) {
        return io.quarkus.arc.Arc.container().instance(org.thesenforum.journal.Journal.class).get().pruneBefore(cutoff);
    }
}
