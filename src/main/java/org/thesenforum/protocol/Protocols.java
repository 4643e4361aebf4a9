package org.thesenforum.protocol;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.comment.CommentService;
import org.thesenforum.comment.CommentView;
import org.thesenforum.demand.DemandPapers;
import org.thesenforum.discussion.DiscussionMessages;
import org.thesenforum.discussion.DiscussionService;
import org.thesenforum.discussion.DiscussionViews.DiscussionView;
import org.thesenforum.discussion.DiscussionViews.TopicSummary;
import org.thesenforum.discussion.DiscussionViews.TopicView;
import org.thesenforum.protocol.Protocol.Figures;
import org.thesenforum.protocol.Protocol.Post;
import org.thesenforum.protocol.Protocol.TopicPart;
import org.thesenforum.web.MarkdownRenderer;
import org.thesenforum.web.TemplateExtensions;
import org.thesenforum.web.Text;

/** Reads a discussion, its threads and its demands into the {@link Protocol} that the exports render. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Protocols {

    /** Replies deeper than this are shown at this depth, as on the topic page. */
    static final int MAX_DEPTH = 4;

    private final DiscussionService discussions;
    private final CommentService comments;
    private final DemandPapers demands;
    private final MarkdownRenderer paperMarkdown = MarkdownRenderer.forPaper();

    Protocols(DiscussionService discussions, CommentService comments, DemandPapers demands) {
        this.discussions = discussions;
        this.comments = comments;
        this.demands = demands;
    }

    /** The protocol of the discussion {@code slug}, labels in {@code locale}; 404 when there is none. */
    public Protocol protocol(String slug, Locale locale) {
        DiscussionView d = discussions.discussion(slug);
        Set<Long> contributors = new HashSet<>();
        List<TopicPart> topics = new ArrayList<>();
        long contributions = 0;
        for (TopicSummary t : d.topics()) {
            TopicPart part = topic(discussions.topic(t.id()), locale, contributors);
            contributions += part.posts().size();
            topics.add(part);
        }
        return new Protocol(d.title(), d.subtitle(), d.paperDate(), d.slug(),
                LocalDate.now(TemplateExtensions.FORUM_ZONE), new Figures(contributions, contributors.size()), topics,
                demands.outcomes(slug, locale));
    }

    private TopicPart topic(TopicView t, Locale locale, Set<Long> contributors) {
        Thread thread = new Thread(contributors);
        // As an anonymous reader sees it: hidden and deleted contributions carry no text.
        comments.thread(t.id(), null, null).forEach(c -> thread.add(c, 0));
        String label = Text.of(DiscussionMessages.class, m -> m.topic_label(t.kind(), t.number())).in(locale);
        return new TopicPart(label, t.title(), t.body(), paperMarkdown.render(t.body()), thread.posts, thread.hidden,
                thread.deleted);
    }

    /** Flattens a thread in reading order; the replies of a left-out contribution move up to its place. */
    private static final class Thread {

        final List<Post> posts = new ArrayList<>();
        final Set<Long> contributors;
        int hidden;
        int deleted;

        Thread(Set<Long> contributors) {
            this.contributors = contributors;
        }

        void add(CommentView c, int depth) {
            int next = depth;
            if (c.deleted()) {
                deleted++;
            } else if (c.hidden() || !c.visible()) {
                hidden++;
            } else {
                posts.add(new Post(Math.min(depth, MAX_DEPTH), c.author().displayName(), c.createdAt(), c.body(),
                        c.bodyHtml()));
                contributors.add(c.author().id());
                next = depth + 1;
            }
            for (CommentView reply : c.replies()) {
                add(reply, next);
            }
        }
    }
}
