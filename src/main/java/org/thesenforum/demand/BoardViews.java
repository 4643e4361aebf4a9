package org.thesenforum.demand;

import java.time.Instant;
import java.util.List;

/** Read models and request bodies of the moderators' board of joint demands. */
public final class BoardViews {

    private BoardViews() {
    }

    /** Where one demand stands on the board: its status, its rank among the joint demands, merge or rejection. */
    public record BoardState(long id, Demand.Status status, Integer rank, Long mergedInto, String rejectedReason) {

        static BoardState of(Demand d) {
            return new BoardState(d.id, d.status, d.pinRank, d.mergedInto == null ? null : d.mergedInto.id,
                    d.rejectedReason);
        }
    }

    /** The joint demands of a discussion in rank order, and the revision of that order. */
    public record PinnedOrder(List<Long> order, long revision) {
    }

    /** Who signed a dissent note. */
    public record AuthorView(long id, String displayName) {
    }

    /** A signed dissent note (Sondervotum) on a joint demand. */
    public record DissentView(long id, AuthorView author, String text, Instant createdAt) {

        static DissentView of(Dissent d) {
            return new DissentView(d.id, new AuthorView(d.author.id, d.author.shownName()), d.text, d.createdAt);
        }
    }

    /** Body of a pin: the rank (from 1); without one, the demand goes to the end. */
    public record PinRequest(Integer rank) {
    }

    /** Body of a reorder: the whole new order of the joint demands and the revision it was based on. */
    public record OrderRequest(List<Long> order, Long revision) {
    }

    /** Body of a merge: the demand the duplicate goes into. */
    public record MergeRequest(Long into) {
    }

    /** Body of a rejection: why. */
    public record RejectRequest(String reason) {
    }

    /** Body of a dissent note. */
    public record DissentRequest(String text) {
    }
}
