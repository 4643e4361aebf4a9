package org.thesenforum.comment;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.comment.CommentChanged.Change;
import org.thesenforum.journal.Journal;
import org.thesenforum.journal.Journal.EntityRef;
import org.thesenforum.journal.Journal.Payload;
import org.thesenforum.journal.Journal.Placement;

/**
 * Writes every comment change into the journal inside the transaction that made it: the REST JSON and the page
 * fragment for readers and for moderators (whose fragment carries the moderation controls), and where the fragment
 * goes on the topic page.
 */
@ApplicationScoped
class CommentJournal {

    /** The entity kind of comment entries. */
    static final String KIND = "comment";

    private final Journal journal;
    private final CommentService comments;
    private final CommentFragments fragments;
    private final ObjectMapper json;

    CommentJournal(Journal journal, CommentService comments, CommentFragments fragments, ObjectMapper json) {
        this.journal = journal;
        this.comments = comments;
        this.fragments = fragments;
        this.json = json;
    }

    /**
     * An entry ready to be appended: everything rendered and serialised, so that appending takes the discussion's
     * lock only for the statements that need it.
     */
    record Prepared(CommentChanged change, long commentId, long discussionId, long topicId, Payload forReaders,
            Payload forModerators, Placement placement) {
    }

    /**
     * Builds the entry of a comment change: the views for readers and moderators, their fragments and JSON, and
     * where the fragment goes. Takes no lock; {@link CommentService} calls it before the statements that lock the
     * topic and the discussion rows, so rendering never runs while another write of the discussion waits.
     */
    Prepared prepare(CommentChanged change) {
        CommentView readers = comments.viewFor(change.commentId(), false);
        CommentView moderators = comments.viewFor(change.commentId(), true);
        Comment comment = Comment.findById(change.commentId());
        long discussionId = comment.topic.discussion.id;
        boolean moderatorsSeeMore = !moderators.equals(readers);
        CommentFragments.Rendered html = fragments.render(readers, moderatorsSeeMore ? moderators : null);
        Payload forReaders = new Payload(data(readers), html.forReaders());
        // The moderators' fragment carries the hide or unhide control, so it differs even where the data do not.
        Payload forModerators = new Payload(moderatorsSeeMore ? data(moderators) : forReaders.data(),
                html.forModerators());
        return new Prepared(change, comment.id, discussionId, readers.topicId(), forReaders, forModerators,
                placement(comment, change.change()));
    }

    /**
     * Gives every earlier entry the log still holds about each of {@code commentIds} the comment's present state, for
     * readers and moderators: after an account is deleted, its name is gone from replays as from pages. Each comment
     * is locked first, as every comment write does, so a hiding or deletion at the same time is rendered either
     * before or after, never half.
     */
    void rewriteLogged(java.util.Collection<Long> commentIds) {
        for (Journal.Logged logged : journal.logged(KIND, commentIds)) {
            Comment comment = Comment.findById(logged.entityId());
            if (comment == null) {
                continue;
            }
            Comment.getEntityManager().refresh(comment, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            Prepared now = prepare(new CommentChanged(logged.entityId(), Change.EDITED));
            journal.rewrite(logged.discussionId(), KIND, logged.entityId(), now.forReaders(), now.forModerators());
        }
    }

    /**
     * Appends a prepared entry in the caller's transaction: the last statements of a comment write, since the append
     * locks the discussion's row until the commit. Hiding or deleting also redacts the comment's earlier entries.
     */
    void append(Prepared entry) {
        Change change = entry.change().change();
        if (change == Change.HIDDEN || change == Change.DELETED) {
            // Earlier entries must not hand the text to readers in a replay either.
            journal.redact(entry.discussionId(), KIND, entry.commentId(), entry.forReaders());
        }
        journal.append(entry.discussionId(), change.type(), entry.topicId(), new EntityRef(KIND, entry.commentId()),
                entry.forReaders(), entry.forModerators(), entry.placement());
    }

    /**
     * Where the fragment goes on the topic page: a changed comment replaces its element {@code c<id>} (whose replies
     * list, empty in the fragment, the page keeps); a new one is appended to the thread {@code thread-<topic>} or to
     * the replies list {@code c<id>-replies} it is shown in, which below the deepest indentation is the flat list of
     * its ancestor at that depth (see {@link ThreadItem#MAX_DEPTH} and {@code tags/comment.html}).
     */
    static Placement placement(Comment comment, Change change) {
        if (change != Change.CREATED) {
            return Placement.replace("c" + comment.id);
        }
        List<Comment> ancestors = new ArrayList<>();
        for (Comment p = comment.parent; p != null; p = p.parent) {
            ancestors.add(0, p);
        }
        if (ancestors.isEmpty()) {
            return Placement.append("thread-" + comment.topic.id);
        }
        Comment list = ancestors.get(Math.min(ancestors.size(), ThreadItem.MAX_DEPTH) - 1);
        return Placement.append("c" + list.id + "-replies");
    }

    /**
     * The comment's REST JSON without {@code bodyHtml}: the frame's {@code html} fragment already carries the
     * rendered text, so each frame holds the text once as source ({@code body}) and once rendered, not twice.
     */
    private String data(CommentView view) {
        ObjectNode node = json.valueToTree(view);
        node.remove("bodyHtml");
        return write(node);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a journal entry", e);
        }
    }
}
