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

/** Reads discussions and topics with their activity, locks or unlocks topics, and archives or reopens discussions. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DiscussionService {

    private final TopicActivity activity;
    private final AuditLog audit;
    private final Event<TopicLockChanged> lockChanged;
    private final Event<DiscussionArchiveChanged> archiveChanged;

    DiscussionService(TopicActivity activity, AuditLog audit, Event<TopicLockChanged> lockChanged,
            Event<DiscussionArchiveChanged> archiveChanged) {
        this.activity = activity;
        this.audit = audit;
        this.lockChanged = lockChanged;
        this.archiveChanged = archiveChanged;
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
        return view(requireDiscussion(slug));
    }

    public Discussion requireDiscussion(String slug) {
        return Discussion.findBySlug(slug).orElseThrow(() -> ProblemException.notFound(
                Text.of(DiscussionMessages.class, DiscussionMessages::problem_discussion_not_found)));
    }

    /**
     * Closes a discussion to new posts after its event (a read-only archive) or reopens it. While archived, nobody
     * comments, edits, proposes, supports or votes; moderators may still hide comments and curate the joint demands.
     * Idempotent: archiving an archived discussion changes nothing and journals nothing.
     */
    @Transactional
    public DiscussionView setArchived(String slug, boolean archived, Account moderator) {
        Discussion d = requireDiscussion(slug);
        if (d.isArchived() != archived) {
            d.archivedAt = archived ? Instant.now() : null;
            audit.record(moderator.id, archived ? "DISCUSSION_ARCHIVED" : "DISCUSSION_REOPENED", "discussion", d.id,
                    d.slug);
            archiveChanged.fire(new DiscussionArchiveChanged(d.id, archived));
        }
        return view(d);
    }

    private DiscussionView view(Discussion d) {
        long lastEventSeq = d.lastEventSeq;
        Map<Long, Activity> byTopic = activity.byTopic(d.id);
        List<TopicSummary> topics = Topic.listByDiscussion(d).stream()
                .map(t -> summary(t, byTopic.getOrDefault(t.id, Activity.NONE))).toList();
        return new DiscussionView(d.slug, d.title, d.subtitle, d.paperDate, d.introduction, d.invitation,
                d.thesesHeading, d.approachesHeading, d.approachesIntroduction, questions(d), topics, lastEventSeq,
                d.isArchived());
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
                t.body, t.locked, a.count(), a.last(), questions(t.discussion), lastEventSeq,
                t.discussion.isArchived());
    }

    private static TopicSummary summary(Topic t, Activity a) {
        return new TopicSummary(t.id, t.kind, t.number, t.label(), t.title, t.locked, a.count(), a.last());
    }
}
