package org.thesenforum.demand;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.thesenforum.account.Account;
import org.thesenforum.audit.AuditLog;
import org.thesenforum.comment.Comment;
import org.thesenforum.discussion.Discussion;
import org.thesenforum.discussion.DiscussionMessages;
import org.thesenforum.discussion.Topic;
import org.thesenforum.demand.DemandViews.AuthorView;
import org.thesenforum.demand.DemandViews.DemandView;
import org.thesenforum.demand.DemandViews.DissentView;
import org.thesenforum.demand.DemandViews.Earlier;
import org.thesenforum.demand.DemandViews.Mine;
import org.thesenforum.demand.DemandViews.ObjectionView;
import org.thesenforum.demand.DemandViews.VersionView;
import org.thesenforum.demand.DemandViews.Votes;
import org.thesenforum.web.Inputs;
import org.thesenforum.web.MarkdownRenderer;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/** Demands: propose, read, edit (a new wording), support, take a position, close and reopen voting. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DemandService {

    public static final int MAX_TITLE = 200;
    public static final int MAX_TEXT = 5_000;
    public static final int MAX_RATIONALE = 2_000;
    public static final int MAX_OBJECTION = 500;
    public static final int MAX_NOTE = 500;

    /** How the proposals below the pinned demands are ordered. */
    public enum Sort { SUPPORT, CONSENSUS, NEWEST }

    private final MarkdownRenderer markdown;
    private final AuditLog audit;
    private final Event<DemandChanged> changed;

    DemandService(MarkdownRenderer markdown, AuditLog audit, Event<DemandChanged> changed) {
        this.markdown = markdown;
        this.audit = audit;
        this.changed = changed;
    }

    /** What a new demand says. */
    public record NewDemand(String title, String text, String rationale, List<Long> topicIds, Long originCommentId) {
    }

    /** A change of a demand; null fields stay as they are, a blank rationale removes it. */
    public record DemandEdit(String title, String text, String rationale, List<Long> topicIds, String note) {
    }

    /** The list filters; each may be null. */
    public record Filter(Sort sort, Long topicId, Consensus.State state) {
    }

    public List<DemandView> list(String slug, Filter filter, Account reader) {
        Discussion discussion = requireDiscussion(slug);
        List<DemandView> pinned = new ArrayList<>();
        List<DemandView> others = new ArrayList<>();
        for (Demand d : Demand.listByDiscussion(discussion)) {
            if (filter.topicId() != null && d.topics.stream().noneMatch(t -> t.id.equals(filter.topicId()))) {
                continue;
            }
            DemandView view = view(d, reader);
            if (filter.state() != null && view.consensus().state() != filter.state()) {
                continue;
            }
            (d.pinRank != null ? pinned : others).add(view);
        }
        Sort sort = filter.sort() == null ? Sort.NEWEST : filter.sort();
        if (sort == Sort.SUPPORT) {
            others.sort(Comparator.comparingLong(DemandView::supportCount).reversed());
        } else if (sort == Sort.CONSENSUS) {
            others.sort(Comparator.comparingInt((DemandView v) -> consensusOrder(v.consensus().state()))
                    .thenComparing(v -> v.consensus().lowerBound() == null ? -1 : v.consensus().lowerBound(),
                            Comparator.reverseOrder()));
        }
        List<DemandView> all = new ArrayList<>(pinned);
        all.addAll(others);
        return all;
    }

    public DemandView get(long id, Account reader) {
        return view(require(id), reader);
    }

    /** A demand as a reader sees it; {@code reader} null for anonymous readers (and the live journal). */
    public DemandView viewFor(long id, Account reader) {
        return view(require(id), reader);
    }

    public List<VersionView> versions(long id) {
        Demand demand = require(id);
        List<VersionView> views = new ArrayList<>();
        String previous = null;
        for (DemandVersion v : DemandVersion.listByDemand(demand)) {
            views.add(new VersionView(v.number, v.title, v.body, v.rationale, author(v.editor), v.note, v.createdAt,
                    WordDiff.of(previous, v.body)));
            previous = v.body;
        }
        return views;
    }

    @Transactional
    public DemandView propose(String slug, NewDemand request, Account author) {
        Discussion discussion = requireDiscussion(slug);
        String title = Inputs.requiredLine("title", request.title(), MAX_TITLE);
        String text = Inputs.requiredText("text", request.text(), MAX_TEXT);
        String rationale = optionalText("rationale", request.rationale(), MAX_RATIONALE);
        Set<Topic> topics = topics(discussion, request.topicIds());
        Comment origin = request.originCommentId() == null ? null : origin(discussion, request.originCommentId());
        refuseLocked(topics);
        Instant now = now();
        Demand demand = new Demand();
        demand.discussion = discussion;
        demand.author = author;
        demand.originComment = origin;
        demand.topics = topics;
        demand.wording = 1;
        demand.title = title;
        demand.body = text;
        demand.rationale = rationale;
        demand.status = Demand.Status.PROPOSED;
        demand.createdAt = now;
        demand.updatedAt = now;
        demand.persist();
        addVersion(demand, author, null, now);
        audit.record(author.id, "DEMAND_PROPOSED", "demand", demand.id, title);
        changed.fire(new DemandChanged(demand.id, DemandChanged.Change.CREATED));
        return view(demand, author);
    }

    @Transactional
    public DemandView edit(long id, DemandEdit edit, Account editor) {
        Demand demand = require(id);
        if (!DemandPolicy.canEdit(editor, demand)) {
            throw ProblemException.forbidden(text(DemandMessages::problem_edit_forbidden));
        }
        refuseFinished(demand);
        refuseLocked(demand.topics);
        String title = edit.title() == null ? demand.title : Inputs.requiredLine("title", edit.title(), MAX_TITLE);
        String body = edit.text() == null ? demand.body : Inputs.requiredText("text", edit.text(), MAX_TEXT);
        String rationale = edit.rationale() == null ? demand.rationale
                : optionalText("rationale", edit.rationale(), MAX_RATIONALE);
        String note = Inputs.optionalLine("note", edit.note(), MAX_NOTE);
        Set<Topic> topics = edit.topicIds() == null ? demand.topics : topics(demand.discussion, edit.topicIds());
        refuseLocked(topics);
        boolean newWording = !title.equals(demand.title) || !body.equals(demand.body)
                || !java.util.Objects.equals(rationale, demand.rationale);
        boolean newTopics = !ids(topics).equals(ids(demand.topics));
        if (!newWording && !newTopics) {
            return view(demand, editor);
        }
        Instant now = now();
        if (newTopics) {
            demand.topics.clear();
            demand.topics.addAll(topics);
        }
        if (newWording) {
            demand.wording++;
            demand.title = title;
            demand.body = body;
            demand.rationale = rationale;
            addVersion(demand, editor, note, now);
        }
        demand.updatedAt = now;
        audit.record(editor.id, "DEMAND_EDITED", "demand", demand.id, "wording " + demand.wording);
        changed.fire(new DemandChanged(demand.id, DemandChanged.Change.EDITED));
        return view(demand, editor);
    }

    /** Supports the current wording, or confirms an earlier support for it; nothing changes when it stands. */
    @Transactional
    public DemandView support(long id, Account account) {
        Demand demand = requireOpenVoting(id);
        Support support = Support.find(demand, account).orElse(null);
        if (support == null) {
            support = new Support();
            support.demand = demand;
            support.account = account;
            support.wording = demand.wording;
            support.createdAt = now();
            support.persistAndFlush();
        } else if (support.wording != demand.wording) {
            support.wording = demand.wording;
        } else {
            return view(demand, account);
        }
        audit.record(account.id, "DEMAND_SUPPORTED", "demand", demand.id, null);
        changed.fire(new DemandChanged(demand.id, DemandChanged.Change.SUPPORTED));
        return view(demand, account);
    }

    @Transactional
    public DemandView withdrawSupport(long id, Account account) {
        Demand demand = requireOpenVoting(id);
        Support support = Support.find(demand, account).orElse(null);
        if (support != null) {
            support.delete();
            audit.record(account.id, "DEMAND_SUPPORT_WITHDRAWN", "demand", demand.id, null);
            changed.fire(new DemandChanged(demand.id, DemandChanged.Change.SUPPORTED));
        }
        return view(demand, account);
    }

    /**
     * Takes or changes a position on the current wording. A serious objection needs DISAGREE; changing the position
     * closes one's open objection, and the same position again without an objection keeps it.
     */
    @Transactional
    public DemandView vote(long id, Position.Stance stance, String objectionText, Account account) {
        String objection = objectionText == null ? null
                : Inputs.requiredLine("objection", objectionText, MAX_OBJECTION);
        if (objection != null && stance != Position.Stance.DISAGREE) {
            throw ProblemException.invalid("objection", text(DemandMessages::problem_objection_needs_disagree));
        }
        Demand demand = requireOpenVoting(id);
        Position position = Position.find(demand, account).orElse(null);
        Instant now = now();
        if (position == null) {
            position = new Position();
            position.demand = demand;
            position.account = account;
            position.wording = demand.wording;
            position.stance = stance;
            position.objection = objection;
            position.objectionOpen = objection != null;
            position.createdAt = now;
            position.updatedAt = now;
            position.persistAndFlush();
        } else {
            boolean same = position.stance == stance && position.wording == demand.wording
                    && (objection == null || objection.equals(position.objection) && position.objectionOpen);
            if (same) {
                return view(demand, account);
            }
            // A new stance, a new objection or a new wording (which re-asks the objector) replaces the objection.
            position.objection = objection;
            position.objectionOpen = objection != null;
            position.stance = stance;
            position.wording = demand.wording;
            position.updatedAt = now;
        }
        audit.record(account.id, "DEMAND_POSITION", "demand", demand.id, null);
        changed.fire(new DemandChanged(demand.id, DemandChanged.Change.POSITION));
        return view(demand, account);
    }

    @Transactional
    public DemandView withdrawObjection(long id, Account account) {
        Demand demand = requireOpenVoting(id);
        Position position = Position.find(demand, account).orElse(null);
        if (position != null && position.objectionOpen) {
            position.objectionOpen = false;
            position.updatedAt = now();
            audit.record(account.id, "DEMAND_OBJECTION_WITHDRAWN", "demand", demand.id, null);
            changed.fire(new DemandChanged(demand.id, DemandChanged.Change.POSITION));
        }
        return view(demand, account);
    }

    /** Closes ({@code open} false) or reopens voting: while closed, supports and positions are frozen. */
    @Transactional
    public DemandView setVoting(long id, boolean open, Account moderator) {
        Demand demand = require(id);
        refuseFinished(demand);
        if (open == (demand.votingClosedAt != null)) {
            demand.votingClosedAt = open ? null : now();
            demand.updatedAt = now();
            audit.record(moderator.id, open ? "DEMAND_VOTING_OPENED" : "DEMAND_VOTING_CLOSED", "demand", demand.id,
                    null);
            changed.fire(new DemandChanged(demand.id, DemandChanged.Change.VOTING));
        }
        return view(demand, moderator);
    }

    private DemandView view(Demand d, Account reader) {
        List<Support> supports = Support.list("demand", d);
        List<Position> positions = Position.list("demand", d);
        long supportCount = supports.stream().filter(s -> s.wording == d.wording).count();
        long earlierSupports = supports.size() - supportCount;
        long[] current = new long[3];
        long[] earlier = new long[3];
        boolean openObjection = false;
        List<ObjectionView> objections = new ArrayList<>();
        for (Position p : positions) {
            boolean onCurrent = p.wording == d.wording;
            (onCurrent ? current : earlier)[p.stance.ordinal()]++;
            if (onCurrent && p.objectionOpen) {
                openObjection = true;
                objections.add(new ObjectionView(author(p.account), p.objection, p.wording));
            }
        }
        Consensus consensus = Consensus.of(current[0], current[1], current[2], openObjection);
        List<DissentView> dissents = Dissent.listByDemand(d).stream()
                .map(x -> new DissentView(author(x.author), x.text, x.createdAt)).toList();
        Mine mine = null;
        if (reader != null) {
            Support mySupport = supports.stream().filter(s -> s.account.id.equals(reader.id)).findFirst().orElse(null);
            Position myPosition = positions.stream().filter(p -> p.account.id.equals(reader.id)).findFirst()
                    .orElse(null);
            boolean earlierOnes = mySupport != null && mySupport.wording != d.wording
                    || myPosition != null && myPosition.wording != d.wording;
            mine = new Mine(mySupport != null, myPosition == null ? null : myPosition.stance, earlierOnes);
        }
        return new DemandView(d.id, d.discussion.slug, d.title, d.body, markdown.render(d.body), d.rationale,
                d.topics.stream().map(t -> t.id).sorted().toList(),
                d.originComment == null ? null : d.originComment.id, author(d.author), d.status, d.pinRank,
                supportCount, new Votes(current[0], current[1], current[2]), consensus,
                new Earlier(earlierSupports, earlier[0], earlier[1], earlier[2]), d.wording, d.votingClosedAt,
                d.mergedInto == null ? null : d.mergedInto.id, objections, dissents, mine, d.createdAt, d.updatedAt);
    }

    private static AuthorView author(Account a) {
        return new AuthorView(a.id, a.displayName);
    }

    private static int consensusOrder(Consensus.State state) {
        return switch (state) {
            case CARRIES -> 0;
            case OPEN -> 1;
            case DIVIDES -> 2;
        };
    }

    private static void addVersion(Demand demand, Account editor, String note, Instant now) {
        DemandVersion version = new DemandVersion();
        version.demand = demand;
        version.number = demand.wording;
        version.title = demand.title;
        version.body = demand.body;
        version.rationale = demand.rationale;
        version.editor = editor;
        version.note = note;
        version.createdAt = now;
        version.persist();
    }

    private static Set<Topic> topics(Discussion discussion, List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            throw ProblemException.invalid("topicIds", text(DemandMessages::problem_topics_required));
        }
        Set<Topic> topics = new LinkedHashSet<>();
        for (Long topicId : ids) {
            Topic topic = topicId == null ? null : Topic.findById(topicId);
            if (topic == null || !topic.discussion.id.equals(discussion.id)) {
                throw ProblemException.invalid("topicIds", text(DemandMessages::problem_topic_unknown));
            }
            topics.add(topic);
        }
        return topics;
    }

    private static Set<Long> ids(Set<Topic> topics) {
        Set<Long> ids = new java.util.TreeSet<>();
        topics.forEach(t -> ids.add(t.id));
        return ids;
    }

    private static Comment origin(Discussion discussion, long commentId) {
        Comment comment = Comment.findById(commentId);
        if (comment == null || !comment.topic.discussion.id.equals(discussion.id)) {
            throw ProblemException.invalid("originCommentId", text(DemandMessages::problem_origin_unknown));
        }
        return comment;
    }

    private static void refuseLocked(Set<Topic> topics) {
        if (topics.stream().anyMatch(t -> t.locked)) {
            throw ProblemException.conflict(null, text(DemandMessages::problem_topic_locked));
        }
    }

    private static void refuseFinished(Demand demand) {
        if (demand.status == Demand.Status.MERGED || demand.status == Demand.Status.REJECTED) {
            throw ProblemException.conflict(null, text(DemandMessages::problem_demand_closed));
        }
    }

    private static Demand requireOpenVoting(long id) {
        Demand demand = require(id);
        refuseFinished(demand);
        refuseLocked(demand.topics);
        if (demand.votingClosedAt != null) {
            throw ProblemException.conflict(null, text(DemandMessages::problem_voting_closed));
        }
        return demand;
    }

    private static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Inputs.requiredText(field, value, max);
    }

    private static Discussion requireDiscussion(String slug) {
        return Discussion.findBySlug(slug).orElseThrow(() -> ProblemException.notFound(
                Text.of(DiscussionMessages.class, DiscussionMessages::problem_discussion_not_found)));
    }

    private static Demand require(long id) {
        Demand demand = Demand.findById(id);
        if (demand == null) {
            throw ProblemException.notFound(text(DemandMessages::problem_demand_not_found));
        }
        return demand;
    }

    private static Text text(Function<DemandMessages, String> message) {
        return Text.of(DemandMessages.class, message);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
