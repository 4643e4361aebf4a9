package org.thesenforum.protocol;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.thesenforum.demand.DemandPaper.Outcome;
import org.thesenforum.web.TemplateExtensions;

/**
 * The workshop protocol of a discussion as every format shows it: the title page, the topics in paper order with
 * their text and the visible thread, every demand with its outcome and the joint demands in rank order.
 */
public record Protocol(String title, String subtitle, LocalDate paperDate, String slug, LocalDate date,
        Figures figures, List<TopicPart> topics, List<Outcome> demands) {

    /** How many took part in the forum: visible contributions and the people who wrote them. */
    public record Figures(long contributions, long contributors) {
    }

    /** A thesis or approach: label ("These 3"), title, the paper's text and its thread as shown in the protocol. */
    public record TopicPart(String label, String title, String text, String textHtml, List<Post> posts, int hidden,
            int deleted) {

        public boolean hasOmitted() {
            return hidden > 0 || deleted > 0;
        }
    }

    /** A visible contribution; {@code depth} 0 for a comment on the topic, 1 for a reply to it, and so on. */
    public record Post(int depth, String author, Instant at, String body, String bodyHtml) {

        /** The contribution as a Markdown block quote, nested one level deeper per reply level. */
        public String quoted() {
            String prefix = "> ".repeat(depth + 1);
            String head = "**" + author + "** · " + TemplateExtensions.shortDateTime(at);
            StringBuilder out = new StringBuilder(prefix).append(head).append('\n').append(prefix.strip()).append('\n');
            body.strip().lines().forEach(line -> out.append(line.isBlank() ? prefix.strip() : prefix + line)
                    .append('\n'));
            return out.toString().stripTrailing();
        }
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
