package org.thesenforum.demand;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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
    }

    /** Supports and positions given on the current wording, and the indicator they make. */
    public record Tally(long supports, long agree, long disagree, long pass, Consensus consensus) {

        /** Counts what was given on {@code d}'s current wording; an open serious objection there keeps it open. */
        static Tally of(Demand d) {
            long agree = count(d, Position.Stance.AGREE);
            long disagree = count(d, Position.Stance.DISAGREE);
            long pass = count(d, Position.Stance.PASS);
            boolean objection = Position.count("demand = ?1 and wording = ?2 and objectionOpen = true", d,
                    d.wording) > 0;
            return new Tally(Support.count("demand = ?1 and wording = ?2", d, d.wording), agree, disagree, pass,
                    Consensus.of(agree, disagree, pass, objection));
        }

        private static long count(Demand d, Position.Stance stance) {
            return Position.count("demand = ?1 and wording = ?2 and stance = ?3", d, d.wording, stance);
        }
    }

    /** A signed text: an open serious objection ("tragbar, wenn …") or a dissent note. */
    public record Signed(String author, String text) {
    }

    public boolean isEmpty() {
        return joint.isEmpty() && proposals.isEmpty();
    }
}
