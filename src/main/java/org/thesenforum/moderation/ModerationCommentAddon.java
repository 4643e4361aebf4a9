package org.thesenforum.moderation;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.comment.CommentAddon;
import org.thesenforum.comment.CommentView;
import org.thesenforum.discussion.DiscussionViews.TopicView;
import org.thesenforum.web.FragmentCache;

/**
 * Adds "Melden" to every visible comment (for members) and "Überprüfung erbitten" to hidden ones (shown by the page's
 * CSS to their author only): links to the forms of {@link ModerationPages}, so a comment carries no form of its own.
 */
@ApplicationScoped
class ModerationCommentAddon implements CommentAddon {

    private final Template actions;
    private final FragmentCache cache;

    ModerationCommentAddon(@Location("ModerationPages/commentActions") Template actions, FragmentCache cache) {
        this.actions = actions;
        this.cache = cache;
    }

    /** Exactly what the link shows (the review link for a hidden comment, else the report link): its cache key. */
    record Link(long id, boolean hidden, Locale locale) {
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public Map<Long, Snippets> render(TopicView topic, List<CommentView> comments, Locale locale) {
        Map<Long, Snippets> result = new HashMap<>();
        for (CommentView c : comments) {
            if (!c.deleted()) {
                String html = cache.get(new Link(c.id(), c.hidden(), locale), this::render);
                result.put(c.id(), new Snippets(html, ""));
            }
        }
        return result;
    }

    private String render(Link link) {
        return actions.data("id", link.id()).data("hidden", link.hidden()).setLocale(link.locale()).render().strip();
    }
}
