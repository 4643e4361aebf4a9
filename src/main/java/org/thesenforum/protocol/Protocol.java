package org.thesenforum.protocol;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.thesenforum.demand.DemandPaper.Outcome;
import org.thesenforum.web.MarkdownRenderer;
import org.thesenforum.web.MarkdownText;
import org.thesenforum.web.TemplateExtensions;

/**
 * The workshop protocol of a discussion as every format shows it: the title page, the topics in paper order with
 * their text and the visible thread, every demand with its outcome and the joint demands in rank order.
 */
public record Protocol(String title, String subtitle, LocalDate paperDate, String slug, LocalDate date,
        EventPart event, List<AgendaRow> agenda, Figures figures, List<TopicPart> topics, List<Outcome> demands) {

    /**
     * The event the protocol records: its title, day, time ("10:30–16:00", null when only the day is known), the
     * place as lines, confirmed registrations and people checked in, and both per field of work.
     */
    public record EventPart(String title, LocalDate date, String time, List<String> place, long registered,
            long attended, List<FieldRow> fields) {

        public boolean hasTime() {
            return time != null;
        }

        public boolean hasPlace() {
            return !place.isEmpty();
        }

        public String placeLine() {
            return String.join(", ", place);
        }
    }

    /** People checked in and registered for one field of work ({@code label} "ohne Angabe" when none was given). */
    public record FieldRow(String label, long attended, long registered) {
    }

    /** One agenda item with its planned and actual times as "HH:mm" in Berlin; actual ones null until they happen. */
    public record AgendaRow(String heading, String plannedStart, String plannedEnd, String actualStart,
            String actualEnd) {
    }

    /** How many took part in the forum: visible contributions and the people who wrote them. */
    public record Figures(long contributions, long contributors) {
    }

    /** A thesis or approach: label ("These 3"), title, the paper's text and its thread as shown in the protocol. */
    public record TopicPart(String label, String title, String text, String textHtml, List<Post> posts, int hidden,
            int deleted) {

        public boolean hasOmitted() {
            return hidden > 0 || deleted > 0;
        }

        /** The paper's text as the Markdown export shows it: what the forum renders of it, as Markdown. */
        public String textMarkdown() {
            return MarkdownRenderer.markdown(text);
        }
    }

    /** A visible contribution; {@code depth} 0 for a comment on the topic, 1 for a reply to it, and so on. */
    public record Post(int depth, String author, Instant at, String body, String bodyHtml) {

        /**
         * The contribution as a Markdown block quote, nested one level deeper per reply level: the author's name as
         * text, the body as the forum renders it ({@link MarkdownRenderer#markdown}). Safe to output unescaped.
         */
        public String quoted() {
            String prefix = "> ".repeat(depth + 1);
            String head = "**" + MarkdownText.escape(author) + "** · " + TemplateExtensions.shortDateTime(at);
            StringBuilder out = new StringBuilder(prefix).append(head).append('\n').append(prefix.strip()).append('\n');
            MarkdownRenderer.markdown(body).lines().forEach(line -> out.append(line.isBlank() ? prefix.strip()
                    : prefix + line).append('\n'));
            return out.toString().stripTrailing();
        }
    }

    public boolean hasEvent() {
        return event != null;
    }

    public boolean hasAgenda() {
        return !agenda.isEmpty();
    }

    /** The day the protocol is about: the event's, or else the day it was made. */
    public LocalDate day() {
        return event == null ? date : event.date();
    }

    /** The demands that are not (or no longer) joint ones: open proposals, merged and rejected ones. */
    public List<Outcome> others() {
        return demands.stream().filter(o -> !o.joint()).toList();
    }

    /** The joint demands in rank order. */
    public List<Outcome> joint() {
        return demands.stream().filter(Outcome::joint).toList();
    }
}
