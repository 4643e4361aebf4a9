package org.thesenforum.demand;

import java.util.List;

import org.thesenforum.demand.DemandViews.DemandView;
import org.thesenforum.demand.DemandViews.VersionView;
import org.thesenforum.discussion.DiscussionViews.TopicSummary;

/**
 * What the demands page shows: the joint demands in rank order, the proposals as the reader sorted and filtered
 * them, the merged and rejected ones, the forms and the reader's rights. {@code originAuthor} names the author of
 * the comment the proposal form quotes; {@code pinnedCount} counts all joint demands, whatever the filter shows;
 * {@code live} marks a rendering for the live stream (no reader, no forms); {@code archived} while the discussion is
 * closed to new posts (no forms but the moderators').
 */
public record DemandPage(String slug, String discussionTitle, long lastEventSeq, List<TopicSummary> topics,
        List<Card> pinned, List<Card> proposals, List<Card> finished, Filter filter, DemandForm form,
        boolean signedIn, boolean moderator, int pinnedCount, long pinnedRevision, String originAuthor,
        boolean live, boolean archived) {

    /** The list's settings as the address carries them (German words, so a shared link reads well). */
    public record Filter(String sort, Long topicId, String state) {

        public static final Filter NONE = new Filter("neu", null, null);

        public boolean isFiltered() {
            return topicId != null || state != null;
        }

        /** The query string of these settings, starting with "?" (or empty), for the forms to return to. */
        public String query() {
            StringBuilder q = new StringBuilder();
            if (!"neu".equals(sort)) {
                q.append("&sortierung=").append(sort);
            }
            if (topicId != null) {
                q.append("&thema=").append(topicId);
            }
            if (state != null) {
                q.append("&stand=").append(state);
            }
            return q.isEmpty() ? "" : "?" + q.substring(1);
        }
    }

    /** The comment a demand grew out of, as its card names it. */
    public record Origin(long commentId, long topicId, String topicLabel, String authorName) {
    }

    /**
     * One demand on the page. {@code editable}: the reader may change its wording; {@code mergeTargets}: the demands
     * a moderator may merge it into; {@code versions}: all wordings, when there is more than one.
     */
    public record Card(DemandView demand, List<TopicSummary> topics, Origin origin, List<VersionView> versions,
            String mergedIntoTitle, String rejectedReason, boolean editable, List<Target> mergeTargets) {

        public boolean pinned() {
            return demand.status() == Demand.Status.PINNED;
        }

        public boolean merged() {
            return demand.status() == Demand.Status.MERGED;
        }

        public boolean rejected() {
            return demand.status() == Demand.Status.REJECTED;
        }

        public boolean finished() {
            return demand.status() == Demand.Status.MERGED || demand.status() == Demand.Status.REJECTED;
        }

        public boolean votingOpen() {
            return demand.votingClosedAt() == null && !finished();
        }

        /** The indicator's CSS class: {@code consensus-carries}, {@code -divides} or {@code -open}. */
        public String consensusClass() {
            return "consensus-" + demand.consensus().state().name().toLowerCase(java.util.Locale.ROOT);
        }

        public boolean hasEarlier() {
            var e = demand.earlier();
            return e.supports() + e.agree() + e.disagree() + e.pass() > 0;
        }

        public long earlierCount() {
            var e = demand.earlier();
            return e.supports() + e.agree() + e.disagree() + e.pass();
        }

        public long currentCount() {
            var v = demand.votes();
            return demand.supportCount() + v.agree() + v.disagree() + v.pass();
        }

        /**
         * Whether the card offers the form {@code kind} (a name of {@link DemandForm.Kind}) to a signed-in reader;
         * when a refused form is no longer offered (the demand was pinned, closed or merged meanwhile), the card
         * shows what was typed into it instead.
         */
        public boolean showsForm(String kind) {
            return switch (kind) {
                case "EDIT" -> editable;
                case "VOTE", "SUPPORT", "OBJECTION" -> votingOpen();
                case "DISSENT" -> pinned();
                default -> !finished();
            };
        }

        /** Whether the signed-in reader supported or voted on an earlier wording and should confirm or change it. */
        public boolean asksReader() {
            return demand.mine() != null && demand.mine().onEarlierWording() && votingOpen();
        }

        public boolean supportedByReader() {
            return demand.mine() != null && demand.mine().supported();
        }

        /** The reader's position as a name of {@link Position.Stance}, or "" when none. */
        public String readerPosition() {
            return demand.mine() == null || demand.mine().position() == null ? "" : demand.mine().position().name();
        }
    }

    /** A demand another one can be merged into. */
    public record Target(long id, String title) {
    }

    /** Whether the position form of {@code card} has {@code option} chosen: as refused, or the reader's own. */
    public boolean checks(Card card, String option) {
        long id = card.demand().id();
        return form.is("VOTE", id) ? option.equals(form.choice()) : option.equals(card.readerPosition());
    }

    /** The ranks a proposal can be pinned at: 1 to the number of joint demands (the end is a choice of its own). */
    public List<Integer> rankChoices() {
        return java.util.stream.IntStream.rangeClosed(1, pinnedCount).boxed().toList();
    }

    /** The page as the live stream renders one card: nobody's, in no form. */
    static DemandPage live(String slug, String discussionTitle) {
        return new DemandPage(slug, discussionTitle, 0, List.of(), List.of(), List.of(), List.of(), Filter.NONE,
                DemandForm.NONE, false, false, 0, 0, null, true, false);
    }

    public String loginUrl() {
        return "/login?next=%2Fdiscussions%2F" + slug + "%2Fdemands";
    }

    public String exportBase() {
        return "/api/discussions/" + slug + "/demands/export?format=";
    }

    public boolean isEmpty() {
        return pinned.isEmpty() && proposals.isEmpty() && finished.isEmpty();
    }
}
