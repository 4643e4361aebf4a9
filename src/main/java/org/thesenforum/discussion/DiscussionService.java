package org.thesenforum.discussion;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.thesenforum.account.Account;
import org.thesenforum.audit.AuditLog;
import org.thesenforum.discussion.DiscussionViews.DiscussionSummary;
import org.thesenforum.discussion.DiscussionViews.DiscussionView;
import org.thesenforum.discussion.DiscussionViews.QuestionView;
import org.thesenforum.discussion.DiscussionViews.TopicSummary;
import org.thesenforum.discussion.DiscussionViews.TopicView;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/** Reads discussions and topics with their activity, and locks or unlocks topics. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DiscussionService {

    private final EntityManager em;
    private final AuditLog audit;
    private final Event<TopicLockChanged> lockChanged;

    DiscussionService(EntityManager em, AuditLog audit, Event<TopicLockChanged> lockChanged) {
        this.em = em;
        this.audit = audit;
        this.lockChanged = lockChanged;
    }

    /** Comment count and last activity of one topic. */
    record Activity(long count, Instant last) {
        static final Activity NONE = new Activity(0, null);
    }

    public List<DiscussionSummary> list() {
        return Discussion.listNewestFirst().stream().map(d -> {
            Map<Long, Activity> activity = activityByTopic(d);
            long comments = activity.values().stream().mapToLong(Activity::count).sum();
            Instant last = activity.values().stream().map(Activity::last).filter(i -> i != null)
                    .max(Instant::compareTo).orElse(null);
            return new DiscussionSummary(d.slug, d.title, d.subtitle, d.paperDate,
                    (int) Topic.count("discussion", d), comments, last);
        }).toList();
    }

    public DiscussionView discussion(String slug) {
        Discussion d = Discussion.findBySlug(slug).orElseThrow(() -> ProblemException.notFound(
                Text.of(DiscussionMessages.class, DiscussionMessages::problem_discussion_not_found)));
        long lastEventSeq = d.lastEventSeq;
        Map<Long, Activity> activity = activityByTopic(d);
        List<TopicSummary> topics = Topic.listByDiscussion(d).stream()
                .map(t -> summary(t, activity.getOrDefault(t.id, Activity.NONE))).toList();
        return new DiscussionView(d.slug, d.title, d.subtitle, d.paperDate, d.introduction, d.invitation,
                d.thesesHeading, d.approachesHeading, d.approachesIntroduction, questions(d), topics, lastEventSeq);
    }

    public TopicView topic(long id) {
        return view(requireTopic(id));
    }

    public Topic requireTopic(long id) {
        Topic topic = Topic.findById(id);
        if (topic == null) {
            throw ProblemException.notFound(
                    Text.of(DiscussionMessages.class, DiscussionMessages::problem_topic_not_found));
        }
        return topic;
    }

    @Transactional
    public TopicView setLocked(long topicId, boolean locked, Account moderator) {
        Topic topic = requireTopic(topicId);
        if (topic.locked != locked) {
            topic.locked = locked;
            audit.record(moderator, locked ? "TOPIC_LOCKED" : "TOPIC_UNLOCKED", "topic", topic.id, topic.label());
            lockChanged.fire(new TopicLockChanged(topic.id, locked));
        }
        return view(topic);
    }

    public List<QuestionView> questions(Discussion d) {
        return GuidingQuestion.listByDiscussion(d).stream()
                .map(q -> new QuestionView(q.id, q.position, q.text)).toList();
    }

    private TopicView view(Topic t) {
        // Read the seq before anything else: a live client replays from here, so it misses nothing shown later.
        long lastEventSeq = t.discussion.lastEventSeq;
        Activity a = activityOf(t);
        return new TopicView(t.id, t.discussion.slug, t.discussion.title, t.kind, t.number, t.label(), t.title,
                t.body, t.locked, a.count(), a.last(), questions(t.discussion), lastEventSeq);
    }

    private static TopicSummary summary(Topic t, Activity a) {
        return new TopicSummary(t.id, t.kind, t.number, t.label(), t.title, t.locked, a.count(), a.last());
    }

    private Map<Long, Activity> activityByTopic(Discussion d) {
        List<Object[]> rows = em.createQuery("select c.topic.id, count(c), max(c.createdAt) from Comment c "
                + "where c.topic.discussion = :d and c.deletedAt is null and c.hidden = false group by c.topic.id",
                Object[].class).setParameter("d", d).getResultList();
        Map<Long, Activity> result = new HashMap<>();
        rows.forEach(r -> result.put((Long) r[0], new Activity((Long) r[1], (Instant) r[2])));
        return result;
    }

    private Activity activityOf(Topic t) {
        Object[] row = em.createQuery("select count(c), max(c.createdAt) from Comment c "
                + "where c.topic = :t and c.deletedAt is null and c.hidden = false", Object[].class)
                .setParameter("t", t).getSingleResult();
        return new Activity((Long) row[0], (Instant) row[1]);
    }
}
