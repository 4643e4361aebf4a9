package org.thesenforum.comment;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.thesenforum.discussion.DiscussionViews.TopicView;

/**
 * What a feature above this one adds to each comment on the topic page: a control among the comment's actions and a
 * note under its text. An outlet (docs/architecture.md, "Packages"), like {@link TopicSection}: the higher feature
 * implements it as a CDI bean and renders its snippets from its own template, so comment/ never imports it.
 *
 * <p>It is asked once per page for all the comments shown, so it should look up what it needs in one query, not one
 * per comment. What it returns must suit every reader of the page alike: the same markup goes into the live stream,
 * rendered once for all. Controls meant for members only carry the class {@code member-control} (and
 * {@code write-control} when a locked topic hides them), which the page's CSS honours.
 */
public interface CommentAddon {

    /** Place among the addons: lower first. */
    default int order() {
        return 100;
    }

    /**
     * The snippets for the given comments of {@code topic} (as the reader sees them) in {@code locale}, by comment id;
     * comments without any are left out.
     */
    Map<Long, Snippets> render(TopicView topic, List<CommentView> comments, Locale locale);

    /**
     * HTML for the comment's row of actions and for below its text, either of them empty. Rendered from a Qute
     * template (which escapes what people typed): the page inserts it as it is.
     */
    record Snippets(String actions, String notes) {

        public static final Snippets NONE = new Snippets("", "");

        /** Both snippets, this one's first. */
        public Snippets and(Snippets other) {
            return new Snippets(actions + other.actions, notes + other.notes);
        }
    }
}
