package org.thesenforum.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.thesenforum.comment.CommentChanged;
import org.thesenforum.comment.CommentFragments;
import org.thesenforum.comment.CommentService;
import org.thesenforum.comment.CommentView;
import org.thesenforum.discussion.DiscussionService;
import org.thesenforum.discussion.DiscussionViews.TopicView;
import org.thesenforum.discussion.Topic;
import org.thesenforum.discussion.TopicLockChanged;
import org.thesenforum.live.EventLog.Payload;

/**
 * Writes domain changes into the event log inside the transaction that made them, with the REST JSON and the
 * page fragment for readers and, where they see more, for moderators.
 */
@ApplicationScoped
class LiveRecorder {

    private final EventLog log;
    private final CommentService comments;
    private final CommentFragments fragments;
    private final DiscussionService discussions;
    private final ObjectMapper json;

    LiveRecorder(EventLog log, CommentService comments, CommentFragments fragments, DiscussionService discussions,
            ObjectMapper json) {
        this.log = log;
        this.comments = comments;
        this.fragments = fragments;
        this.discussions = discussions;
        this.json = json;
    }

    void commentChanged(@Observes CommentChanged change) {
        CommentView readers = comments.viewFor(change.commentId(), false);
        CommentView moderators = comments.viewFor(change.commentId(), true);
        Topic topic = Topic.findById(readers.topicId());
        long discussionId = topic.discussion.id;
        boolean moderatorsSeeMore = !moderators.equals(readers);
        CommentFragments.Rendered html = fragments.render(readers, moderatorsSeeMore ? moderators : null);
        Payload forReaders = new Payload(write(readers), html.forReaders());
        // The moderators' fragment carries the hide or unhide control, so it differs even where the data do not.
        Payload forModerators = new Payload(moderatorsSeeMore ? write(moderators) : forReaders.data(),
                html.forModerators());
        if (change.change() == CommentChanged.Change.HIDDEN || change.change() == CommentChanged.Change.DELETED) {
            log.redact(discussionId, readers.id(), "comment.", forReaders);
        }
        log.append(discussionId, change.change().type(), readers.topicId(), readers.id(), forReaders, forModerators);
    }

    void topicChanged(@Observes TopicLockChanged change) {
        TopicView topic = discussions.topic(change.topicId());
        Topic entity = Topic.findById(change.topicId());
        CommentFragments.Rendered html = fragments.topicStatus(topic);
        String data = write(topic);
        log.append(entity.discussion.id, change.type(), topic.id(), topic.id(),
                new Payload(data, html.forReaders()), new Payload(data, html.forModerators()));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a live event", e);
        }
    }
}
