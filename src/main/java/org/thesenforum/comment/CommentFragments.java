package org.thesenforum.comment;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.discussion.DiscussionService;
import org.thesenforum.discussion.DiscussionViews.QuestionView;
import org.thesenforum.discussion.DiscussionViews.TopicView;
import org.thesenforum.web.Languages;

/**
 * Renders one comment with the very template of the topic page, so the live stream and the page never show two
 * versions of the same markup. A fragment is rendered once for every reader, so it is in the forum's default
 * language, not in that of the person whose request made the change.
 */
@ApplicationScoped
public class CommentFragments {

    private final Template comment;
    private final DiscussionService discussions;
    private final CommentAddons addons;
    private final CommentCards cards;

    CommentFragments(@Location("tags/comment") Template comment, DiscussionService discussions,
            CommentAddons addons, CommentCards cards) {
        this.comment = comment;
        this.discussions = discussions;
        this.addons = addons;
        this.cards = cards;
    }

    /** The fragments of one comment for readers and, where moderators see more, for moderators. */
    public record Rendered(String forReaders, String forModerators) {
    }

    /**
     * The comment as a lone thread item, placed at the depth the page would give it: rendered for readers and for
     * moderators (whose fragment always differs, as it carries the hide or unhide control), looking up its topic and
     * place in the thread once, with what the features above add to it ({@link CommentAddon}; asked again for the
     * moderators' version only when they see the comment otherwise). {@code moderators} is the comment as moderators
     * see it; null when they see what readers see.
     */
    public Rendered render(CommentView readers, CommentView moderators) {
        TopicView topic = discussions.topic(readers.topicId());
        Map<Long, QuestionView> questions = topic.guidingQuestions().stream()
                .collect(Collectors.toMap(QuestionView::id, Function.identity()));
        int ancestors = Comment.<Comment>findById(readers.id()).ancestorCount();
        Map<Long, CommentAddon.Snippets> added = addons.render(topic, List.of(readers), Languages.DEFAULT);
        String forReaders = render(ThreadItem.single(readers, ancestors, questions), topic, added, false);
        CommentView seenByModerators = moderators == null ? readers : moderators;
        Map<Long, CommentAddon.Snippets> addedForModerators = moderators == null ? added
                : addons.render(topic, List.of(moderators), Languages.DEFAULT);
        String forModerators = render(ThreadItem.single(seenByModerators, ancestors, questions), topic,
                addedForModerators, true);
        return new Rendered(forReaders, forModerators);
    }

    private String render(ThreadItem item, TopicView topic, Map<Long, CommentAddon.Snippets> added,
            boolean moderator) {
        return comment.data("item", item).data("page", TopicPage.forLiveFragment(topic, added, moderator, cards,
                Languages.DEFAULT))
                .setLocale(Languages.DEFAULT).render();
    }
}
