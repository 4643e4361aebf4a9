package org.thesenforum.demand;

/** Fired inside the transaction that changed a demand; observers may add to the same transaction. */
public record DemandChanged(long demandId, Change change) {

    /** What happened to the demand. */
    public enum Change {
        CREATED("demand.created"), EDITED("demand.edited"), SUPPORTED("demand.supported"),
        POSITION("demand.position"), VOTING("demand.voting"), PINNED("demand.pinned"),
        UNPINNED("demand.unpinned"), REORDERED("demand.reordered"), MERGED("demand.merged"),
        REJECTED("demand.rejected"), DISSENT("demand.dissent");

        private final String type;

        Change(String type) {
            this.type = type;
        }

        /** The event type on the live stream. */
        public String type() {
            return type;
        }
    }
}
