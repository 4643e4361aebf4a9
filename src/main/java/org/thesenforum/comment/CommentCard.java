package org.thesenforum.comment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.thesenforum.comment.CommentAddon.Snippets;
import org.thesenforum.web.FragmentCache;

/**
 * Exactly what the card of one comment on the topic page shows ({@code tags/commentCard.html}: the {@code <li>}
 * opening tag and the article with its header, text, answers, notes and actions; not the replies and not a form
 * opened under it), and nothing else: no entity, no page. It is the card's key in the {@link FragmentCache}, so two
 * equal cards are the same HTML, and any change (an edit, a hide, a rename, a new reply, an unread mark, another
 * reader's role or language) makes another key. Values the card does not show are left null (a deleted comment's
 * author, a question not named), so they do not split the cache.
 *
 * <p>{@code answers} are the direct replies named in "Antworten:"; {@code controls} whether the member controls are
 * there (the live fragment or a signed-in reader), {@code authorControls} whether the author's are (the live
 * fragment, where the page's CSS shows them to the author only, or the reader's own comment).
 */
record CommentCard(long id, int depth, boolean deleted, boolean hidden, boolean visible, boolean mine, boolean unread,
        Long authorId, String authorName, String organisation, String place, Long parentId, Long questionId,
        Instant createdAt, Instant editedAt, Integer questionPosition, String questionText, String parentAuthorName,
        String hiddenReason, String bodyHtml, List<Answer> answers, String actions, String notes, boolean controls,
        boolean authorControls, boolean moderator, long topicId, Locale locale) implements FragmentCache.Weighed {

    /** A direct reply as the answers line names it: its anchor and its author, or that it was deleted. */
    record Answer(long id, boolean deleted, String name) {
    }

    /** The card of {@code item} on {@code page}, in {@code locale}. */
    static CommentCard of(ThreadItem item, TopicPage page, Locale locale) {
        CommentView c = item.comment();
        boolean deleted = c.deleted();
        CommentView.AuthorView author = c.author();
        List<Answer> answers = new ArrayList<>(c.replies().size());
        for (CommentView r : c.replies()) {
            answers.add(new Answer(r.id(), r.deleted(), r.deleted() ? null : r.author().displayName()));
        }
        Snippets added = page.addonsOf(c.id());
        boolean named = item.question() != null && !deleted;
        return new CommentCard(c.id(), item.depth(), deleted, c.hidden(), c.visible(), item.mine(),
                page.unreadComment(c.id()), deleted ? null : author.id(), deleted ? null : author.displayName(),
                deleted ? null : author.organisation(), deleted ? null : author.place(), c.parentId(),
                c.questionId(), c.createdAt(), deleted ? null : c.editedAt(),
                named ? item.question().position() : null, named ? item.question().text() : null,
                item.namesParent() ? c.parentAuthorName() : null, c.hidden() ? c.hiddenReason() : null,
                deleted || !c.visible() ? null : c.bodyHtml(), List.copyOf(answers), added.actions(),
                added.notes(), page.live() || page.signedIn(), page.live() || item.mine(), page.moderator(),
                page.topic().id(), locale);
    }

    /** Whether the card names the guiding question the comment is on. */
    public boolean questioned() {
        return questionPosition != null;
    }

    /** Whether the card names the comment it answers (where the indentation no longer shows it). */
    public boolean namesParent() {
        return parentAuthorName != null;
    }

    @Override
    public int weight() {
        int w = bodyHtml == null ? 0 : bodyHtml.length();
        w += actions.length() + notes.length();
        for (Answer a : answers) {
            w += 16 + (a.name() == null ? 0 : a.name().length());
        }
        return w;
    }
}
