package org.thesenforum.discussion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.thesenforum.discussion.DiscussionViews.TopicView;
import org.thesenforum.journal.Journal;
import org.thesenforum.journal.Journal.EntityRef;
import org.thesenforum.journal.Journal.Payload;
import org.thesenforum.journal.Journal.Placement;
import org.thesenforum.web.Languages;

/**
 * Writes a topic's lock and unlock (and its discussion's archiving and reopening) into the journal inside the transaction that made it: the topic's REST JSON and
 * its state element ({@code tags/topicStatus.html}, the very template the topic page includes), for readers and for
 * moderators (with the lock or unlock form), replacing the state element on the page.
 */
@ApplicationScoped
class TopicJournal {

    /** The entity kind of topic entries. */
    static final String KIND = "topic";

    private final Journal journal;
    private final DiscussionService discussions;
    private final Template topicStatus;
    private final ObjectMapper json;

    TopicJournal(Journal journal, DiscussionService discussions, @Location("tags/topicStatus") Template topicStatus,
            ObjectMapper json) {
        this.journal = journal;
        this.discussions = discussions;
        this.topicStatus = topicStatus;
        this.json = json;
    }

    void lockChanged(@Observes TopicLockChanged change) {
        TopicView topic = discussions.topic(change.topicId());
        Topic entity = Topic.findById(change.topicId());
        String data = write(topic);
        journal.append(entity.discussion.id, change.type(), topic.id(), new EntityRef(KIND, topic.id()),
                new Payload(data, status(topic, false)), new Payload(data, status(topic, true)),
                Placement.replace("topic-status-" + topic.id()));
    }

    /**
     * Closing or reopening the discussion changes every topic's state element the same way as a lock: one entry per
     * topic, so an open topic page swaps its state and disables (or re-enables) writing without a reload.
     */
    void archiveChanged(@Observes DiscussionArchiveChanged change) {
        Discussion discussion = Discussion.findById(change.discussionId());
        for (Topic entity : Topic.listByDiscussion(discussion)) {
            TopicView topic = discussions.topic(entity.id);
            String data = write(topic);
            journal.append(discussion.id, change.type(), topic.id(), new EntityRef(KIND, topic.id()),
                    new Payload(data, status(topic, false)), new Payload(data, status(topic, true)),
                    Placement.replace("topic-status-" + topic.id()));
        }
    }

    /** Rendered once for every member of an audience: no CSRF token, which the page's script fills in. */
    private String status(TopicView topic, boolean moderator) {
        return topicStatus.data("topic", topic).data("moderator", moderator).data("live", true)
                .setLocale(Languages.DEFAULT).render().strip();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a journal entry", e);
        }
    }
}
