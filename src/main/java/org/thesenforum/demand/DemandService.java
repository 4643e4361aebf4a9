package org.thesenforum.demand;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.thesenforum.account.Account;
import org.thesenforum.audit.AuditLog;
import org.thesenforum.comment.Comment;
import org.thesenforum.discussion.Discussion;
import org.thesenforum.discussion.Topic;
import org.thesenforum.demand.DemandViews.DemandView;
import org.thesenforum.demand.DemandViews.VersionView;
import org.thesenforum.web.Inputs;
import org.thesenforum.web.ProblemException;

/** Demands: propose, list and read, edit (a new wording) and the wordings; supports and positions are in {@link DemandVotes}. */
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

    private final DemandViewer viewer;
    private final AuditLog audit;
    private final Event<DemandChanged> changed;
    private final PinnedList pins;

    DemandService(DemandViewer viewer, AuditLog audit, Event<DemandChanged> changed, PinnedList pins) {
        this.viewer = viewer;
        this.audit = audit;
        this.changed = changed;
        this.pins = pins;
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
        Discussion discussion = DemandChecks.requireDiscussion(slug);
        List<DemandView> pinned = new ArrayList<>();
        List<DemandView> others = new ArrayList<>();
        for (Demand d : Demand.listByDiscussion(discussion)) {
            if (filter.topicId() != null && d.topics.stream().noneMatch(t -> t.id.equals(filter.topicId()))) {
                continue;
            }
            DemandView view = viewer.view(d, reader);
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
        return viewer.view(DemandChecks.require(id), reader);
    }

    /** A demand as a reader sees it; {@code reader} null for anonymous readers (and the live journal). */
    public DemandView viewFor(long id, Account reader) {
        return viewer.view(DemandChecks.require(id), reader);
    }

    public List<VersionView> versions(long id) {
        Demand demand = DemandChecks.require(id);
        List<VersionView> views = new ArrayList<>();
        String previous = null;
        for (DemandVersion v : DemandVersion.listByDemand(demand)) {
            views.add(new VersionView(v.number, v.title, v.body, v.rationale, DemandViewer.author(v.editor), v.note, v.createdAt,
                    WordDiff.of(previous, v.body)));
            previous = v.body;
        }
        return views;
    }

    @Transactional
    public DemandView propose(String slug, NewDemand request, Account author) {
        Discussion discussion = DemandChecks.requireDiscussion(slug);
        discussion.refuseIfArchived();
        String title = Inputs.requiredLine("title", request.title(), MAX_TITLE);
        String text = Inputs.requiredText("text", request.text(), MAX_TEXT);
        String rationale = DemandChecks.optionalText("rationale", request.rationale(), MAX_RATIONALE);
        Set<Topic> topics = topics(discussion, request.topicIds());
        Comment origin = request.originCommentId() == null ? null : origin(discussion, request.originCommentId());
        DemandChecks.refuseLocked(topics);
        Instant now = DemandChecks.now();
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
        return viewer.view(demand, author);
    }

    @Transactional
    public DemandView edit(long id, DemandEdit edit, Account editor) {
        pins.lockForDemand(id);
        Demand demand = DemandChecks.require(id);
        if (!DemandPolicy.canEdit(editor, demand)) {
            throw ProblemException.forbidden(DemandChecks.text(DemandMessages::problem_edit_forbidden));
        }
        demand.discussion.refuseIfArchived();
        DemandChecks.refuseFinished(demand);
        DemandChecks.refuseLocked(demand.topics);
        String title = edit.title() == null ? demand.title : Inputs.requiredLine("title", edit.title(), MAX_TITLE);
        String body = edit.text() == null ? demand.body : Inputs.requiredText("text", edit.text(), MAX_TEXT);
        String rationale = edit.rationale() == null ? demand.rationale
                : DemandChecks.optionalText("rationale", edit.rationale(), MAX_RATIONALE);
        String note = Inputs.optionalLine("note", edit.note(), MAX_NOTE);
        Set<Topic> topics = edit.topicIds() == null ? demand.topics : topics(demand.discussion, edit.topicIds());
        DemandChecks.refuseLocked(topics);
        boolean newWording = !title.equals(demand.title) || !body.equals(demand.body)
                || !java.util.Objects.equals(rationale, demand.rationale);
        boolean newTopics = !ids(topics).equals(ids(demand.topics));
        if (newWording && demand.votingClosedAt != null) {
            // The closed vote's result belongs to this wording; a new one would start the votes afresh.
            throw ProblemException.conflict(null, DemandChecks.text(DemandMessages::problem_voting_closed_wording));
        }
        if (!newWording && !newTopics) {
            return viewer.view(demand, editor);
        }
        Instant now = DemandChecks.now();
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
        return viewer.view(demand, editor);
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
            throw ProblemException.invalid("topicIds", DemandChecks.text(DemandMessages::problem_topics_required));
        }
        Set<Topic> topics = new LinkedHashSet<>();
        for (Long topicId : ids) {
            Topic topic = topicId == null ? null : Topic.findById(topicId);
            if (topic == null || !topic.discussion.id.equals(discussion.id)) {
                throw ProblemException.invalid("topicIds", DemandChecks.text(DemandMessages::problem_topic_unknown));
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
            throw ProblemException.invalid("originCommentId",
                    DemandChecks.text(DemandMessages::problem_origin_unknown));
        }
        return comment;
    }
}
