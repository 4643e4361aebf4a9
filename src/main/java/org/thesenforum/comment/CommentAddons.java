package org.thesenforum.comment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.comment.CommentAddon.Snippets;
import org.thesenforum.discussion.DiscussionViews.TopicView;

/** Asks every {@link CommentAddon} once for all the comments of a page or fragment and joins their snippets. */
@ApplicationScoped
class CommentAddons {

    private final List<CommentAddon> addons;

    CommentAddons(@All List<CommentAddon> addons) {
        this.addons = addons.stream().sorted(Comparator.comparingInt(CommentAddon::order)).toList();
    }

    /** The snippets for the comments of {@code threads} and all their replies, by comment id. */
    Map<Long, Snippets> render(TopicView topic, List<CommentView> threads, Locale locale) {
        List<CommentView> comments = new ArrayList<>();
        flatten(threads, comments);
        Map<Long, Snippets> joined = new HashMap<>();
        if (comments.isEmpty()) {
            return joined;
        }
        for (CommentAddon addon : addons) {
            addon.render(topic, comments, locale).forEach((id, snippets) -> joined.merge(id, snippets, Snippets::and));
        }
        return joined;
    }

    private static void flatten(List<CommentView> level, List<CommentView> into) {
        for (CommentView c : level) {
            into.add(c);
            flatten(c.replies(), into);
        }
    }
}
