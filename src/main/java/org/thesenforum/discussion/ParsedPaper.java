package org.thesenforum.discussion;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The structured content of a discussion paper as produced by {@link PaperParser}.
 *
 * <p>Text fields hold Markdown with paragraphs separated by {@code "\n\n"}; a single {@code "\n"} inside a
 * paragraph marks a line break (a hard break or a list item in the source), which the pages show as such.
 * Headings ({@code title}, {@code subtitle}, the section headings) are plain text without Markdown.
 *
 * @param slug                   lowercase ASCII slug of the title, e.g. {@code "ankommen-im-gemeinwesen"}
 * @param title                  text of the first level-1 heading
 * @param subtitle               text of the first level-2 heading between title and theses, or {@code null}
 * @param paperDate              the date after "Stand" in the subtitle, or {@code null}
 * @param introduction           paragraphs between title and theses heading, without the subtitle; may be empty
 * @param invitation             everything before the title, may be empty
 * @param guidingQuestions       the invitation's list items that end with a question mark, in order
 * @param thesesHeading          text of the heading that contains "These"
 * @param theses                 the numbered theses, at least one
 * @param approachesHeading      text of the heading that contains "Ansätze", or {@code null}
 * @param approachesIntroduction paragraphs between the approaches heading and the first approach, may be empty
 * @param approaches             the approaches, empty when the paper has no approaches heading
 * @param events                 the events the invitation announces (see {@link InvitationReader}): the meeting it
 *                               invites to, then the event that meeting prepares; empty when it names no dated one
 */
public record ParsedPaper(String slug, String title, String subtitle, LocalDate paperDate,
        String introduction, String invitation, List<String> guidingQuestions,
        String thesesHeading, List<ParsedTopic> theses, String approachesHeading, String approachesIntroduction,
        List<ParsedTopic> approaches, List<ParsedEvent> events) {

    public ParsedPaper {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(introduction, "introduction");
        Objects.requireNonNull(invitation, "invitation");
        Objects.requireNonNull(thesesHeading, "thesesHeading");
        Objects.requireNonNull(approachesIntroduction, "approachesIntroduction");
        guidingQuestions = List.copyOf(guidingQuestions);
        theses = List.copyOf(theses);
        approaches = List.copyOf(approaches);
        events = List.copyOf(events);
    }
}
