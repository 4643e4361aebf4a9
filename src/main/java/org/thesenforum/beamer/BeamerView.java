package org.thesenforum.beamer;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.thesenforum.demand.Consensus;
import org.thesenforum.discussion.TopicKind;

/**
 * What the projector view shows of a discussion: the meeting's item under discussion, the newest visible comments,
 * the first joint demands in rank order ({@code pinnedMore} says how many more there are) and how many proposals are
 * open.
 */
public record BeamerView(String slug, String title, long lastEventSeq, String joinUrl, Agenda agenda,
        List<CommentLine> comments, List<JointDemand> pinned, int pinnedMore, long proposals) {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** The join address without its scheme, short enough to read out and type. */
    public String joinUrlShort() {
        return joinUrl.replaceFirst("^https?://", "");
    }

    /** The time in Berlin as the page is rendered; the page's script keeps it going. */
    public String clock() {
        return LocalTime.now(BERLIN).format(DateTimeFormatter.ofPattern("HH:mm"));
    }

    /**
     * The meeting's item now being discussed ({@code focus}, null when none) with the text it is about (a topic's
     * text, a demand's wording; null for a guiding question, whose text is its title, and for free items), when its
     * planned time ends ({@code endsAt}, null when it has not started) and the server's time for the clock offset.
     */
    public record Agenda(boolean hasAgenda, String focusLabel, String focusTitle, String focusTextHtml, Instant endsAt,
            Instant serverTime) {

        /** No agenda read (a fragment of another part). */
        static final Agenda NONE = new Agenda(false, null, null, null, null, Instant.EPOCH);

        public boolean hasFocus() {
            return focusTitle != null;
        }

        /** The remaining time as the page first shows it, m:ss (or −m:ss past the end), before the script counts. */
        public String remaining() {
            if (endsAt == null) {
                return "";
            }
            long seconds = java.time.Duration.between(serverTime, endsAt).toSeconds();
            long abs = Math.abs(seconds);
            return (seconds < 0 ? "−" : "") + abs / 60 + ":" + String.format("%02d", abs % 60);
        }
    }

    /** One comment in the stream: who wrote it, on which topic, and its text rendered from Markdown. */
    public record CommentLine(long id, String author, TopicKind topicKind, int topicNumber, String topicTitle,
            String bodyHtml, Instant createdAt) {
    }

    /** One joint demand with its rank, its counts and the consensus indicator. */
    public record JointDemand(long id, int rank, String title, long supports, long agree, long disagree, long pass,
            Consensus consensus) {

        public String consensusClass() {
            return "consensus-" + consensus.state().name().toLowerCase(Locale.ROOT);
        }
    }
}
