package org.thesenforum.discussion;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.thesenforum.account.Account;
import org.thesenforum.audit.AuditLog;
import org.thesenforum.discussion.DiscussionViews.DiscussionSummary;
import org.thesenforum.discussion.DiscussionViews.DiscussionView;
import org.thesenforum.discussion.DiscussionViews.QuestionView;
import org.thesenforum.discussion.DiscussionViews.TopicSummary;
import org.thesenforum.discussion.DiscussionViews.TopicView;
import org.thesenforum.discussion.TopicActivity.Activity;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/** Reads discussions and topics with their activity, and locks or unlocks topics. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DiscussionService {

    private final TopicActivity activity;
    private final AuditLog audit;
    private final Event<TopicLockChanged> lockChanged;

    DiscussionService(TopicActivity activity, AuditLog audit, Event<TopicLockChanged> lockChanged) {
        this.activity = activity;
        this.audit = audit;
        this.lockChanged = lockChanged;
    }

    public List<DiscussionSummary> list() {
        return Discussion.listNewestFirst().stream().map(d -> {
            Map<Long, Activity> byTopic = activity.byTopic(d.id);
            long comments = byTopic.values().stream().mapToLong(Activity::count).sum();
            Instant last = byTopic.values().stream().map(Activity::last).filter(i -> i != null)
                    .max(Instant::compareTo).orElse(null);
            return new DiscussionSummary(d.slug, d.title, d.subtitle, d.paperDate,
                    (int) Topic.count("discussion", d), comments, last);
        }).toList();
    }

    public DiscussionView discussion(String slug) {
        Discussion d = Discussion.findBySlug(slug).orElseThrow(() -> ProblemException.notFound(
                Text.of(DiscussionMessages.class, DiscussionMessages::problem_discussion_not_found)));
        long lastEventSeq = d.lastEventSeq;
        Map<Long, Activity> byTopic = activity.byTopic(d.id);
        List<TopicSummary> topics = Topic.listByDiscussion(d).stream()
                .map(t -> summary(t, byTopic.getOrDefault(t.id, Activity.NONE))).toList();
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
            audit.record(moderator.id, locked ? "TOPIC_LOCKED" : "TOPIC_UNLOCKED", "topic", topic.id, topic.label());
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
        Activity a = activity.of(t.id);
        return new TopicView(t.id, t.discussion.slug, t.discussion.title, t.kind, t.number, t.label(), t.title,
                t.body, t.locked, a.count(), a.last(), questions(t.discussion), lastEventSeq);
    }

    private static TopicSummary summary(Topic t, Activity a) {
        return new TopicSummary(t.id, t.kind, t.number, t.label(), t.title, t.locked, a.count(), a.last());
    }
}
