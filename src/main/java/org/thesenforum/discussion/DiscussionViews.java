package org.thesenforum.discussion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Read models of discussions and topics, shared by the JSON API and the pages. */
public final class DiscussionViews {

    private DiscussionViews() {
    }

    /** A discussion in the list of all discussions. */
    public record DiscussionSummary(String slug, String title, String subtitle, LocalDate paperDate,
            int topicCount, long commentCount, Instant lastActivityAt) {
    }

    /**
     * A discussion with its topics and guiding questions; {@code lastEventSeq} is where a live client starts;
     * {@code archived} while moderators have closed it to new posts.
     */
    public record DiscussionView(String slug, String title, String subtitle, LocalDate paperDate,
            String introduction, String invitation, String thesesHeading, String approachesHeading,
            String approachesIntroduction, List<QuestionView> guidingQuestions, List<TopicSummary> topics,
            long lastEventSeq, boolean archived) {

        public List<TopicSummary> theses() {
            return topics.stream().filter(t -> t.kind() == TopicKind.THESIS).toList();
        }

        public List<TopicSummary> approaches() {
            return topics.stream().filter(t -> t.kind() == TopicKind.APPROACH).toList();
        }

        public long commentCount() {
            return topics.stream().mapToLong(TopicSummary::commentCount).sum();
        }
    }

    /** A guiding question; {@code position} counts from 1. */
    public record QuestionView(long id, int position, String text) {
    }

    /** A topic on the overview, with its activity. */
    public record TopicSummary(long id, TopicKind kind, int number, String label, String title, boolean locked,
            long commentCount, Instant lastActivityAt) {
    }

    /**
     * A topic with its full text; {@code lastEventSeq} is the discussion's, where a live client starts;
     * {@code archived} while its discussion is closed to new posts (then nothing can be written, locked or not).
     */
    public record TopicView(long id, String discussionSlug, String discussionTitle, TopicKind kind, int number,
            String label, String title, String body, boolean locked, long commentCount, Instant lastActivityAt,
            List<QuestionView> guidingQuestions, long lastEventSeq, boolean archived) {

        /** Whether contributions are refused: the topic is locked or its discussion archived. */
        public boolean readOnly() {
            return locked || archived;
        }
    }
}
