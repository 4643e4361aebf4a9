package org.thesenforum.demand;

/**
 * Where the group stands on one wording of a demand, fair for 10 to 60 people and always shown next to the raw
 * counts. With A agree, D disagree and E pass: the share p = A / (A + D) and L, the lower bound of its Wilson score
 * interval at z = 1.2816 (one-sided 90 %). It <b>carries</b> when p &gt; 2/3, L &gt; 0.5, A is at least half of all
 * positions and no serious objection is open; it <b>divides</b> when min(A, D) ≥ 3 and min(A, D) ≥ (A + D) / 3;
 * otherwise it is <b>open</b>, with the reason. Fewer than five positions are always open, so two people never
 * decide for sixty.
 *
 * @param state carries, divides or open
 * @param reason why it is open (null when it carries or divides)
 * @param share p, or null when nobody agreed or disagreed
 * @param lowerBound L, or null when nobody agreed or disagreed
 */
public record Consensus(State state, Reason reason, Double share, Double lowerBound) {

    /** z for a one-sided 90 % bound. */
    static final double Z = 1.2816;
    /** Fewer positions than this are always open. */
    static final int MIN_POSITIONS = 5;
    /** Both sides need at least this many for the group to count as divided. */
    static final int MIN_SIDE = 3;

    public enum State { CARRIES, DIVIDES, OPEN }

    public enum Reason { TOO_FEW_VOTES, MANY_ABSTENTIONS, OPEN_OBJECTION, NARROW }

    /** The indicator for {@code agree}, {@code disagree} and {@code pass} positions on the current wording. */
    public static Consensus of(long agree, long disagree, long pass, boolean openObjection) {
        if (agree < 0 || disagree < 0 || pass < 0) {
            throw new IllegalArgumentException("negative count");
        }
        long decided = agree + disagree;
        long all = decided + pass;
        Double share = decided == 0 ? null : (double) agree / decided;
        Double lower = decided == 0 ? null : wilsonLowerBound(agree, decided);
        if (all < MIN_POSITIONS) {
            return new Consensus(State.OPEN, Reason.TOO_FEW_VOTES, share, lower);
        }
        boolean majority = 2 * agree >= all;
        if (share != null && share > 2.0 / 3 && lower > 0.5 && majority && !openObjection) {
            return new Consensus(State.CARRIES, null, share, lower);
        }
        long minority = Math.min(agree, disagree);
        if (minority >= MIN_SIDE && 3 * minority >= decided) {
            return new Consensus(State.DIVIDES, null, share, lower);
        }
        return new Consensus(State.OPEN, reason(share, lower, majority, openObjection), share, lower);
    }

    /**
     * Why a demand with enough positions neither carries nor divides: everybody passed, or the share would carry but
     * too many passed; or it would carry but a serious objection is open; otherwise the support is too narrow.
     */
    private static Reason reason(Double share, Double lower, boolean majority, boolean openObjection) {
        if (share == null) {
            return Reason.MANY_ABSTENTIONS;
        }
        boolean shareCarries = share > 2.0 / 3 && lower > 0.5;
        if (shareCarries && !majority) {
            return Reason.MANY_ABSTENTIONS;
        }
        return shareCarries && openObjection ? Reason.OPEN_OBJECTION : Reason.NARROW;
    }

    /** Lower bound of the Wilson score interval for {@code successes} of {@code n} at {@link #Z}. */
    static double wilsonLowerBound(long successes, long n) {
        double p = (double) successes / n;
        double z2 = Z * Z;
        double centre = p + z2 / (2 * n);
        double spread = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return (centre - spread) / (1 + z2 / n);
    }
}
