package org.thesenforum.demand;

import java.util.List;

/**
 * A form of the demands page sent back after a refusal, or the proposal form filled in from a comment: which form
 * it was, for which demand, what was typed and why it was refused, so the page shows the message next to that form
 * with nothing lost; {@code choice} is the option that was chosen (the position of a refused vote).
 */
public record DemandForm(Kind kind, Long demandId, String title, String text, String rationale, List<Long> topicIds,
        Long originCommentId, String extra, String error, String choice) {

    /** The forms of the demands page. */
    public enum Kind { NONE, PROPOSE, EDIT, SUPPORT, VOTE, OBJECTION, DISSENT, PIN, MOVE, UNPIN, REJECT, MERGE, VOTING }

    /** Nothing was refused: every form starts empty. */
    public static final DemandForm NONE = new DemandForm(Kind.NONE, null, null, null, null, List.of(), null, null,
            null, null);

    /** A form of one demand (everything but the proposal) refused with {@code error}; {@code typed} is kept. */
    static DemandForm refused(Kind kind, long demandId, String typed, String error) {
        return new DemandForm(kind, demandId, null, null, null, List.of(), null, typed, error, null);
    }

    /** The form's kind as its name, for the templates. */
    public String kindName() {
        return kind.name();
    }

    public boolean isPropose() {
        return kind == Kind.PROPOSE;
    }

    /** Whether this is the refused form {@code kind} (a name of {@link Kind}) of demand {@code id}. */
    public boolean is(String kind, long id) {
        return this.kind.name().equals(kind) && demandId != null && demandId == id;
    }

    /** Whether this form concerns demand {@code id} (its refusal is shown on that demand's card). */
    public boolean concerns(long id) {
        return kind != Kind.PROPOSE && demandId != null && demandId == id;
    }

    /** Whether the refused vote of demand {@code id} had chosen {@code option} (a name of Position.Stance). */
    public boolean chose(long id, String option) {
        return kind == Kind.VOTE && demandId != null && demandId == id && option.equals(choice);
    }

    public boolean hasError() {
        return error != null;
    }

    /** Everything typed into the refused form, one field after the other: shown when the form itself is not. */
    public String keptText() {
        String kept = java.util.stream.Stream.of(title, text, rationale, extra)
                .filter(v -> v != null && !v.isBlank()).collect(java.util.stream.Collectors.joining("\n\n"));
        return kept.isEmpty() ? null : kept;
    }

    /** Whether the proposal form ticks topic {@code id}. */
    public boolean ticks(long id) {
        return topicIds != null && topicIds.contains(id);
    }
}
