package org.thesenforum.beamer;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.beamer.BeamerView.CommentLine;
import org.thesenforum.beamer.BeamerView.JointDemand;
import org.thesenforum.comment.Comment;
import org.thesenforum.demand.Demand;
import org.thesenforum.demand.DemandService;
import org.thesenforum.demand.DemandViews.DemandView;
import org.thesenforum.discussion.Discussion;
import org.thesenforum.discussion.DiscussionMessages;
import org.thesenforum.discussion.DiscussionService;
import org.thesenforum.discussion.DiscussionViews.DiscussionView;
import org.thesenforum.web.ForumConfig;
import org.thesenforum.web.MarkdownRenderer;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/** Reads what the projector view shows of a discussion, for the page and for its live fragments alike. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BeamerBoard {

    /** Comments the stream shows; more would not be readable from the back of the room. */
    static final int COMMENTS = 6;

    private final DiscussionService discussions;
    private final DemandService demands;
    private final MarkdownRenderer markdown;
    private final ForumConfig config;

    BeamerBoard(DiscussionService discussions, DemandService demands, MarkdownRenderer markdown, ForumConfig config) {
        this.discussions = discussions;
        this.demands = demands;
        this.markdown = markdown;
        this.config = config;
    }

    /** The whole view; an unknown slug is a 404 in the reader's language. */
    public BeamerView view(String slug) {
        DiscussionView discussion = discussions.discussion(slug);
        List<DemandView> all = demands.list(slug, new DemandService.Filter(DemandService.Sort.NEWEST, null, null),
                null);
        List<JointDemand> pinned = all.stream().filter(d -> d.status() == Demand.Status.PINNED && d.rank() != null)
                .sorted(Comparator.comparingInt(DemandView::rank)).map(BeamerBoard::joint).toList();
        long proposals = all.stream().filter(d -> d.status() == Demand.Status.PROPOSED).count();
        return new BeamerView(discussion.slug(), discussion.title(), discussion.lastEventSeq(), joinUrl(slug),
                newestComments(slug), pinned, proposals);
    }

    /** Refuses an unknown slug with a 404 in the reader's language. */
    public void requireDiscussion(String slug) {
        if (Discussion.findBySlug(slug).isEmpty()) {
            throw ProblemException.notFound(Text.of(DiscussionMessages.class,
                    DiscussionMessages::problem_discussion_not_found));
        }
    }

    /** The address the QR code leads to: the page where a phone reads along, signs in or asks for an invitation. */
    public String joinUrl(String slug) {
        String base = config.baseUrl().strip().replaceAll("/+$", "");
        return base + "/discussions/" + slug + "/mitmachen";
    }

    /** The newest visible comments, newest first; hidden and deleted ones are left out. */
    List<CommentLine> newestComments(String slug) {
        List<Comment> newest = Comment.find("select c from Comment c join fetch c.author join fetch c.topic t "
                + "where t.discussion.slug = ?1 and c.hidden = false and c.deletedAt is null "
                + "order by c.createdAt desc, c.id desc", slug).range(0, COMMENTS - 1).list();
        return newest.stream().map(c -> new CommentLine(c.id, c.author.displayName, c.topic.kind, c.topic.number,
                c.topic.title, markdown.render(c.body), c.createdAt)).toList();
    }

    private static JointDemand joint(DemandView d) {
        return new JointDemand(d.id(), d.rank(), d.title(), d.supportCount(), d.votes().agree(), d.votes().disagree(),
                d.votes().pass(), d.consensus());
    }
}
