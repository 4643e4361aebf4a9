package org.thesenforum.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import io.quarkus.qute.TemplateExtension;

/** Formatting helpers for templates: German dates and times in Berlin time, and Markdown of the paper's text. */
@TemplateExtension
public final class TemplateExtensions {

    public static final ZoneId FORUM_ZONE = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm")
            .withZone(FORUM_ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final MarkdownRenderer MARKDOWN = MarkdownRenderer.forPaper();

    private TemplateExtensions() {
    }

    /** {@code 24.11.2026, 14:05}, in Berlin time: the one format for times on every page. */
    public static String shortDateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** Machine-readable form for {@code <time datetime>}. */
    static String isoDateTime(Instant instant) {
        return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** {@code 15.04.2016}. */
    public static String shortDate(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** The day of an instant in Berlin time, {@code 15.04.2016}. */
    public static String shortDate(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(FORUM_ZONE));
    }

    /**
     * The paper's own Markdown (introduction, invitation, topic texts) as sanitised HTML, for {@code .raw}; a line
     * break inside a paragraph, such as in the invitation's address block, stays a line break.
     */
    static String markdown(String text) {
        return MARKDOWN.render(text);
    }
}
