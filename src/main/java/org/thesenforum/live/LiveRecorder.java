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
import org.thesenforum.journal.Journal;
import org.thesenforum.journal.Journal.EntityRef;
import org.thesenforum.journal.Journal.Payload;

/**
 * Writes domain changes into the event log inside the transaction that made them, with the REST JSON and the
 * page fragment for readers and, where they see more, for moderators.
 */
@ApplicationScoped
class LiveRecorder {

    private final Journal log;
    private final CommentService comments;
    private final CommentFragments fragments;
    private final DiscussionService discussions;
    private final ObjectMapper json;

    LiveRecorder(Journal log, CommentService comments, CommentFragments fragments, DiscussionService discussions,
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
        Payload forModerators = moderatorsSeeMore ? new Payload(write(moderators), html.forModerators()) : null;
        if (change.change() == CommentChanged.Change.HIDDEN || change.change() == CommentChanged.Change.DELETED) {
            log.redact(discussionId, "comment", readers.id(), forReaders);
        }
        log.append(discussionId, change.change().type(), readers.topicId(), new EntityRef("comment", readers.id()),
                forReaders, forModerators, null);
    }

    void topicChanged(@Observes TopicLockChanged change) {
        TopicView topic = discussions.topic(change.topicId());
        Topic entity = Topic.findById(change.topicId());
        log.append(entity.discussion.id, change.type(), topic.id(), new EntityRef("topic", topic.id()),
                new Payload(write(topic), fragments.topicStatus(topic)), null, null);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a live event", e);
        }
    }
}
