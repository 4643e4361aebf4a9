package org.thesenforum.demand;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.thesenforum.web.MarkdownRenderer;

/**
 * The demands paper of a discussion as every export shows it: the joint demands in rank order, then, marked as
 * such, the open proposals; each with its wording, linked topics, the counts on its current wording and the
 * indicator, the open serious objections and the dissent notes, both signed.
 */
public record DemandPaper(String discussionTitle, String discussionSlug, LocalDate date, List<Entry> joint,
        List<Entry> proposals) {

    /** One demand of the paper; {@code rank} is null for a proposal. */
    public record Entry(long id, Integer rank, String title, String text, String textHtml, String rationale,
            String rationaleHtml, List<String> topics, Tally tally, List<Signed> objections, List<Signed> dissents,
            Instant votingClosedAt) {

        public boolean votingClosed() {
            return votingClosedAt != null;
        }

        /** The text as the Markdown exports show it: what the forum renders of it, as Markdown. */
        public String textMarkdown() {
            return MarkdownRenderer.markdown(text);
        }

        /** The rationale as the Markdown exports show it; {@code ""} when there is none. */
        public String rationaleMarkdown() {
            return MarkdownRenderer.markdown(rationale);
        }
    }

    /** Supports and positions given on the current wording, and the indicator they make. */
    public record Tally(long supports, long agree, long disagree, long pass, Consensus consensus) {

        /** Counts what was given on {@code d}'s current wording; an open serious objection there keeps it open. */
        static Tally of(Demand d) {
            return of(Support.list("demand", d), Position.list("demand", d), d.wording);
        }

        /**
         * The one way demands are counted, for the API, the pages and the paper alike: the supports and positions
         * given on {@code wording}; an open serious objection on it keeps the indicator open.
         */
        static Tally of(List<Support> supports, List<Position> positions, int wording) {
            long[] stances = new long[Position.Stance.values().length];
            boolean objection = false;
            for (Position p : positions) {
                if (p.wording == wording) {
                    stances[p.stance.ordinal()]++;
                    objection |= p.objectionOpen;
                }
            }
            long supportCount = supports.stream().filter(x -> x.wording == wording).count();
            long agree = stances[Position.Stance.AGREE.ordinal()];
            long disagree = stances[Position.Stance.DISAGREE.ordinal()];
            long pass = stances[Position.Stance.PASS.ordinal()];
            return new Tally(supportCount, agree, disagree, pass, Consensus.of(agree, disagree, pass, objection));
        }
    }

    /** A signed text: an open serious objection ("tragbar, wenn …") or a dissent note. */
    public record Signed(String author, String text) {
    }

    /**
     * What became of a demand, for the workshop protocol: its entry, and for a merged one the title of the demand it
     * went into, for a rejected one the reason given.
     */
    public record Outcome(Entry entry, Demand.Status status, String mergedInto, String rejectedReason) {

        public boolean joint() {
            return status == Demand.Status.PINNED;
        }

        public boolean proposed() {
            return status == Demand.Status.PROPOSED;
        }

        public boolean merged() {
            return status == Demand.Status.MERGED;
        }

        public boolean rejected() {
            return status == Demand.Status.REJECTED;
        }
    }

    public boolean isEmpty() {
        return joint.isEmpty() && proposals.isEmpty();
    }
}
