package org.thesenforum.beamer;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.beamer.BeamerView.Agenda;
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
import org.thesenforum.discussion.Topic;
import org.thesenforum.meeting.MeetingService;
import org.thesenforum.meeting.MeetingViews.ItemView;
import org.thesenforum.meeting.MeetingViews.MeetingView;
import org.thesenforum.web.ForumConfig;
import org.thesenforum.web.MarkdownRenderer;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.ReaderLanguage;
import org.thesenforum.web.Text;

/** Reads what the projector view shows of a discussion, for the page and for its live fragments alike. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BeamerBoard {

    /** Comments the stream shows; more would not be readable from the back of the room. */
    static final int COMMENTS = 6;
    /** Joint demands the view lists; the rest are counted, so that the list never runs off the screen. */
    static final int PINNED = 6;

    /** The paper's texts keep their line breaks, as on the topic page. */
    private static final MarkdownRenderer PAPER = MarkdownRenderer.forPaper();

    private final DiscussionService discussions;
    private final DemandService demands;
    private final MeetingService meetings;
    private final MarkdownRenderer markdown;
    private final ForumConfig config;
    private final ReaderLanguage language;

    BeamerBoard(DiscussionService discussions, DemandService demands, MeetingService meetings,
            MarkdownRenderer markdown, ForumConfig config, ReaderLanguage language) {
        this.discussions = discussions;
        this.demands = demands;
        this.meetings = meetings;
        this.markdown = markdown;
        this.config = config;
        this.language = language;
    }

    /** The parts of the view that its script fetches again after a frame. */
    enum Part { AGENDA, COMMENTS, DEMANDS }

    /** The whole view; an unknown slug is a 404 in the reader's language. */
    public BeamerView view(String slug) {
        return view(slug, EnumSet.allOf(Part.class));
    }

    /** The view with only {@code parts} read (the others empty), for a fragment. */
    BeamerView view(String slug, Set<Part> parts) {
        DiscussionView discussion = discussions.discussion(slug);
        List<JointDemand> pinned = List.of();
        long proposals = 0;
        if (parts.contains(Part.DEMANDS)) {
            List<DemandView> all = demands.list(slug,
                    new DemandService.Filter(DemandService.Sort.NEWEST, null, null), null);
            pinned = all.stream().filter(d -> d.status() == Demand.Status.PINNED && d.rank() != null)
                    .sorted(Comparator.comparingInt(DemandView::rank)).map(BeamerBoard::joint).toList();
            proposals = all.stream().filter(d -> d.status() == Demand.Status.PROPOSED).count();
        }
        Agenda agenda = parts.contains(Part.AGENDA) ? agenda(slug) : Agenda.NONE;
        List<CommentLine> comments = parts.contains(Part.COMMENTS) ? newestComments(slug) : List.of();
        return new BeamerView(discussion.slug(), discussion.title(), discussion.lastEventSeq(), joinUrl(slug), agenda,
                comments, pinned.subList(0, Math.min(PINNED, pinned.size())), Math.max(0, pinned.size() - PINNED),
                proposals);
    }

    /** The item the meeting is at, with the text it is about, read through the meeting's read API. */
    Agenda agenda(String slug) {
        MeetingView meeting = meetings.meeting(slug, language.locale());
        ItemView focus = meeting.focus();
        if (focus == null) {
            return new Agenda(meeting.hasAgenda(), null, null, null, null, meeting.serverTime());
        }
        return new Agenda(true, focus.label(), focus.title(), focusText(focus), focus.endsAt(), meeting.serverTime());
    }

    /** A topic's text or a demand's current wording, rendered; nothing for questions and free items. */
    private String focusText(ItemView focus) {
        if (focus.refId() == null) {
            return null;
        }
        return switch (focus.kind()) {
            case TOPIC -> {
                Topic topic = Topic.findById(focus.refId());
                yield topic == null || topic.body == null ? null : PAPER.render(topic.body);
            }
            case DEMAND -> {
                Demand demand = Demand.findById(focus.refId());
                yield demand == null ? null : markdown.render(demand.body);
            }
            default -> null;
        };
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
        String base = org.thesenforum.web.BaseUrls.configuredOrFallback(config);
        return base + "/discussions/" + slug + "/mitmachen";
    }

    /** The newest visible comments, newest first; hidden and deleted ones are left out. */
    List<CommentLine> newestComments(String slug) {
        List<Comment> newest = Comment.find("select c from Comment c join fetch c.author join fetch c.topic t "
                + "where t.discussion.slug = ?1 and c.hidden = false and c.deletedAt is null "
                + "order by c.createdAt desc, c.id desc", slug).range(0, COMMENTS - 1).list();
        return newest.stream().map(c -> new CommentLine(c.id, c.author.shownName(), c.topic.kind, c.topic.number,
                c.topic.title, storedOrRendered(c), c.createdAt)).toList();
    }

    /** The comment's HTML as stored at write time, rendered now only while the stored one is of another renderer. */
    private String storedOrRendered(Comment c) {
        return c.bodyHtml != null && c.bodyHtmlVersion == MarkdownRenderer.VERSION ? c.bodyHtml : markdown.render(c.body);
    }

    private static JointDemand joint(DemandView d) {
        return new JointDemand(d.id(), d.rank(), d.title(), d.supportCount(), d.votes().agree(), d.votes().disagree(),
                d.votes().pass(), d.consensus());
    }
}
