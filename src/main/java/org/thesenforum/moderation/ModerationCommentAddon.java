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

/**
 * Adds "Melden" to every visible comment (for members) and "Überprüfung erbitten" to hidden ones (shown by the page's
 * CSS to their author only): links to the forms of {@link ModerationPages}, so a comment carries no form of its own.
 */
@ApplicationScoped
class ModerationCommentAddon implements CommentAddon {

    private final Template actions;

    ModerationCommentAddon(@Location("ModerationPages/commentActions") Template actions) {
        this.actions = actions;
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
                String html = actions.data("c", c).setLocale(locale).render().strip();
                result.put(c.id(), new Snippets(html, ""));
            }
        }
        return result;
    }
}
