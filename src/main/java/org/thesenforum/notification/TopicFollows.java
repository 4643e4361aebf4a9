package org.thesenforum.notification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.thesenforum.discussion.DiscussionMessages;
import org.thesenforum.discussion.Topic;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/**
 * Who follows a topic: everyone who wrote in it (a comment, or a demand on it) unless they switched following off,
 * and everyone who switched it on. Writing leaves no row behind, so two first comments at once cannot collide.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TopicFollows {

    private final EntityManager em;
    private final NotificationClock clock;

    TopicFollows(EntityManager em, NotificationClock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** The accounts following a topic. */
    public Set<Long> followers(long topicId) {
        Set<Long> ids = new LinkedHashSet<>(writers(topicId));
        List<TopicFollow> choices = TopicFollow.list("topicId", topicId);
        choices.forEach(f -> {
            if (f.followed) {
                ids.add(f.accountId);
            } else {
                ids.remove(f.accountId);
            }
        });
        return ids;
    }

    public boolean follows(long accountId, long topicId) {
        TopicFollow choice = TopicFollow.of(accountId, topicId);
        return choice != null ? choice.followed : writers(topicId).contains(accountId);
    }

    /**
     * Switches following a topic on or off; 404 for an unknown topic. An update, or an insert when there is no row
     * yet; when two requests of the same person insert at once, the unique key refuses the second, which then
     * updates the row the first one wrote.
     */
    public void set(long accountId, long topicId, boolean followed) {
        boolean found = QuarkusTransaction.requiringNew().call(() -> {
            requireTopic(topicId);
            return update(accountId, topicId, followed);
        });
        if (found) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                TopicFollow choice = new TopicFollow();
                choice.accountId = accountId;
                choice.topicId = topicId;
                choice.followed = followed;
                choice.updatedAt = clock.now();
                choice.persist();
            });
        } catch (RuntimeException raced) {
            // The unique key refused the insert (it surfaces at the commit, wrapped): the other request's row exists.
            if (!QuarkusTransaction.requiringNew().call(() -> update(accountId, topicId, followed))) {
                throw raced;
            }
        }
    }

    /** Sets the choice on an existing row; false when there is none. */
    private boolean update(long accountId, long topicId, boolean followed) {
        TopicFollow choice = TopicFollow.of(accountId, topicId);
        if (choice == null) {
            return false;
        }
        if (choice.followed != followed) {
            choice.followed = followed;
            choice.updatedAt = clock.now();
        }
        return true;
    }

    /** The topic's id; 404 when there is no such topic. */
    long requireTopic(long topicId) {
        if (Topic.findById(topicId) == null) {
            throw ProblemException.notFound(
                    Text.of(DiscussionMessages.class, DiscussionMessages::problem_topic_not_found));
        }
        return topicId;
    }

    private Set<Long> writers(long topicId) {
        Set<Long> ids = new LinkedHashSet<>(em.createQuery(
                "select distinct c.author.id from Comment c where c.topic.id = ?1", Long.class)
                .setParameter(1, topicId).getResultList());
        ids.addAll(em.createQuery("select distinct d.author.id from Demand d join d.topics t where t.id = ?1",
                Long.class).setParameter(1, topicId).getResultList());
        return ids;
    }
}
