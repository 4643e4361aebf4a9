package org.thesenforum.demand;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.comment.CommentAddon;
import org.thesenforum.comment.CommentView;
import org.thesenforum.discussion.DiscussionViews.TopicView;
import org.thesenforum.web.FragmentCache;

/**
 * What demands add to the comments on a topic page (through comment's {@link CommentAddon} outlet): the control to
 * propose a comment as a demand, and under a comment the demands that grew out of it, unless rejected.
 */
@ApplicationScoped
class DemandCommentAddon implements CommentAddon {

    /** Up to this many comments, their demands are looked up by comment id rather than for the whole topic. */
    private static final int FEW = 20;

    private final Template actions;
    private final Template notes;
    private final FragmentCache cache;

    DemandCommentAddon(@Location("DemandCommentAddon/actions") Template actions,
            @Location("DemandCommentAddon/notes") Template notes, FragmentCache cache) {
        this.actions = actions;
        this.notes = notes;
        this.cache = cache;
    }

    /** Exactly what the proposal link shows: the key of its HTML in the {@link FragmentCache}. */
    record Propose(String slug, long commentId, Locale locale) {
    }

    /** Exactly what the notes under a comment show: the key of their HTML in the {@link FragmentCache}. */
    record Notes(String slug, List<Note> notes, Locale locale) {
    }

    /**
     * A demand that grew out of a comment, as the comment names it: {@code id} and {@code title} are those of the
     * demand it was merged into when it was, and {@code proposedAs} then its own title (null otherwise).
     */
    record Note(long id, String title, String proposedAs) {
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Snippets> render(TopicView topic, List<CommentView> comments, Locale locale) {
        Map<Long, List<Note>> grown = grownOutOf(topic.id(), comments);
        Map<Long, Snippets> snippets = new HashMap<>();
        for (CommentView c : comments) {
            // No proposals in an archived discussion: the link would lead to a page without the form.
            String propose = !topic.archived() && c.visible() && !c.hidden() && !c.deleted()
                    ? cache.get(new Propose(topic.discussionSlug(), c.id(), locale), this::render)
                    : "";
            // A hidden or deleted comment names no demand, as a demand's card names no hidden or deleted origin.
            List<Note> its = c.visible() && !c.hidden() && !c.deleted() ? grown.get(c.id()) : null;
            String shown = its == null ? ""
                    : cache.get(new Notes(topic.discussionSlug(), List.copyOf(its), locale), this::render);
            if (!propose.isEmpty() || !shown.isEmpty()) {
                snippets.put(c.id(), new Snippets(propose, shown));
            }
        }
        return snippets;
    }

    private String render(Propose key) {
        return actions.data("slug", key.slug()).data("commentId", key.commentId()).setLocale(key.locale()).render()
                .strip();
    }

    private String render(Notes key) {
        return notes.data("slug", key.slug()).data("notes", key.notes()).setLocale(key.locale()).render().strip();
    }

    /**
     * The demands that grew out of the comments, by comment id, oldest first: one query, however many comments the
     * page shows; for a few comments (a live fragment) by their ids, so that a post does not look at the whole
     * topic, otherwise for the whole topic. Rejected ones are left out, and so are merged ones whose target was
     * rejected later.
     */
    private static Map<Long, List<Note>> grownOutOf(long topicId, List<CommentView> comments) {
        boolean few = !comments.isEmpty() && comments.size() <= FEW;
        List<Object[]> rows = Demand.getEntityManager().createQuery(
                "select d.originComment.id, d.id, d.title, d.status, m.id, m.title, m.status from Demand d "
                        + "left join d.mergedInto m where "
                        + (few ? "d.originComment.id in ?1" : "d.originComment.topic.id = ?1")
                        + " and d.status <> ?2 order by d.createdAt, d.id", Object[].class)
                .setParameter(1, few ? comments.stream().map(CommentView::id).toList() : topicId)
                .setParameter(2, Demand.Status.REJECTED).getResultList();
        Map<Long, List<Note>> grown = new HashMap<>();
        for (Object[] row : rows) {
            Note note = note(row);
            if (note != null) {
                grown.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add(note);
            }
        }
        return grown;
    }

    /** The note for one row, or null when the demand it leads to was rejected. */
    private static Note note(Object[] row) {
        long id = (Long) row[1];
        String title = (String) row[2];
        Long targetId = (Long) row[4];
        if (row[3] != Demand.Status.MERGED || targetId == null) {
            return new Note(id, title, null);
        }
        return row[6] == Demand.Status.REJECTED ? null : new Note(targetId, (String) row[5], title);
    }
}
