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
 * What the projector view shows of a discussion: the newest visible comments, the joint demands in rank order and
 * how many proposals are open.
 */
public record BeamerView(String slug, String title, long lastEventSeq, String joinUrl, List<CommentLine> comments,
        List<JointDemand> pinned, long proposals) {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** The join address without its scheme, short enough to read out and type. */
    public String joinUrlShort() {
        return joinUrl.replaceFirst("^https?://", "");
    }

    /** The time in Berlin as the page is rendered; the page's script keeps it going. */
    public String clock() {
        return LocalTime.now(BERLIN).format(DateTimeFormatter.ofPattern("HH:mm"));
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
