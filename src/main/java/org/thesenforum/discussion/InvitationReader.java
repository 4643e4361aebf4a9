package org.thesenforum.discussion;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * Reads the events an invitation announces from its syntax tree, paragraph by paragraph and line by line:
 * <ul>
 *   <li>the meeting it invites to: the first paragraph with a line that is a date in words ("Donnerstag, 16. Juni
 *   2016, 10.30 – ca. 16.00 Uhr"); the line before is its name, the lines after are the venue, the street and
 *   "postcode city";</li>
 *   <li>the event that meeting prepares: "Veranstaltung am 16. August in Lüneburg mit dem Titel: **…**"; a date
 *   without a year takes the meeting's year, or the next one when the day came before the meeting;</li>
 *   <li>registration: "Anmeldung bis zum 10. Juni 2016", the e-mail address of a {@code mailto:} link and the
 *   number after "Fax"; the short paragraph right before the registration is the signature (the organisers).</li>
 * </ul>
 * What the invitation does not say stays empty.
 */
final class InvitationReader {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("januar", 1), Map.entry("jänner", 1),
            Map.entry("februar", 2), Map.entry("märz", 3), Map.entry("april", 4), Map.entry("mai", 5),
            Map.entry("juni", 6), Map.entry("juli", 7), Map.entry("august", 8), Map.entry("september", 9),
            Map.entry("oktober", 10), Map.entry("november", 11), Map.entry("dezember", 12));
    private static final String MONTH = "(Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober"
            + "|November|Dezember)";
    /**
     * A line that is a date and nothing else, "Donnerstag, 16. Juni 2016, 10.30 – ca. 16.00 Uhr": day, month, year,
     * start, "ca.", end. A sentence that mentions a date ("Anmeldung bis zum 10. Juni 2016") is not a meeting.
     */
    private static final Pattern MEETING_DATE = Pattern.compile("(?:\\p{L}+\\s*,\\s*)?(\\d{1,2})\\.\\s*" + MONTH
            + "\\s+(\\d{4})(?:\\s*,\\s*(\\d{1,2}[.:]\\d{2})(?:\\s*(?:–|-|bis)\\s*(ca\\.\\s*)?(\\d{1,2}[.:]\\d{2}))?"
            + "\\s*(?:Uhr)?)?\\s*");
    /** "Veranstaltung am 16. August in Lüneburg mit dem Titel": day, month, optional year, city. */
    private static final Pattern PREPARED = Pattern.compile("Veranstaltung\\s+am\\s+(\\d{1,2})\\.\\s*" + MONTH
            + "(?:\\s+(\\d{4}))?\\s+in\\s+([\\p{L}][\\p{L} .-]*?)\\s+mit\\s+dem\\s+Titel");
    private static final Pattern DEADLINE = Pattern.compile("Anmeldung\\s+bis\\s+(?:zum\\s+)?(\\d{1,2})\\.\\s*"
            + MONTH + "\\s+(\\d{4})");
    private static final Pattern FAX = Pattern.compile("Fax\\b[^:\\d]*:?\\s*([\\d][\\d /()+-]*\\d)");
    private static final Pattern POSTCODE_CITY = Pattern.compile("(\\d{5})\\s+(\\S.*)");

    private InvitationReader() {
    }

    /** The announced events: the meeting first, then the event it prepares; empty when there is no dated meeting. */
    static List<ParsedEvent> read(List<Node> invitation) {
        List<Paragraph> paragraphs = new ArrayList<>();
        for (Node block : invitation) {
            if (block instanceof Paragraph p) {
                paragraphs.add(p);
            }
        }
        ParsedEvent meeting = null;
        int meetingAt = -1;
        for (int i = 0; i < paragraphs.size() && meeting == null; i++) {
            meeting = meeting(lines(paragraphs.get(i)));
            meetingAt = i;
        }
        if (meeting == null) {
            return List.of();
        }
        LocalDate until = null;
        String email = null;
        String fax = null;
        String organisers = null;
        ParsedEvent prepared = null;
        for (int i = 0; i < paragraphs.size(); i++) {
            Paragraph paragraph = paragraphs.get(i);
            String text = String.join(" ", lines(paragraph));
            Matcher deadline = DEADLINE.matcher(text);
            if (until == null && deadline.find()) {
                until = date(deadline.group(1), deadline.group(2), deadline.group(3));
                if (i > 0 && i - 1 != meetingAt) {
                    organisers = signature(String.join(" ", lines(paragraphs.get(i - 1))));
                }
            }
            email = email != null ? email : mailto(paragraph);
            Matcher number = FAX.matcher(text);
            if (fax == null && number.find()) {
                fax = number.group(1).trim();
            }
            Matcher event = PREPARED.matcher(text);
            if (prepared == null && event.find()) {
                prepared = prepared(event, strongAfter(paragraph, "Titel"), meeting.date());
            }
        }
        ParsedEvent withRegistration = new ParsedEvent(meeting.title(), meeting.date(), meeting.start(),
                meeting.end(), meeting.endApproximate(), meeting.venueName(), meeting.street(), meeting.postcode(),
                meeting.city(), until, email, fax, organisers);
        return prepared == null ? List.of(withRegistration) : List.of(withRegistration, prepared);
    }

    /** The meeting of a paragraph whose lines hold a dated line: name before it, venue lines after it. */
    private static ParsedEvent meeting(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MEETING_DATE.matcher(lines.get(i));
            LocalDate date = m.matches() ? date(m.group(1), m.group(2), m.group(3)) : null;
            if (date == null) {
                continue;
            }
            String title = i > 0 ? lines.get(i - 1) : null;
            List<String> venue = lines.subList(i + 1, lines.size());
            String postcode = null;
            String city = null;
            int addressLines = venue.size();
            if (!venue.isEmpty()) {
                Matcher place = POSTCODE_CITY.matcher(venue.get(venue.size() - 1));
                if (place.matches()) {
                    postcode = place.group(1);
                    city = place.group(2).trim();
                    addressLines--;
                }
            }
            String venueName = addressLines >= 2 ? venue.get(0) : null;
            String street = addressLines >= 1 ? venue.get(addressLines - 1) : null;
            return new ParsedEvent(title, date, time(m.group(4)), time(m.group(6)), m.group(5) != null, venueName,
                    street, postcode, city, null, null, null, null);
        }
        return null;
    }

    private static ParsedEvent prepared(Matcher event, String title, LocalDate meeting) {
        LocalDate date;
        if (event.group(3) != null) {
            date = date(event.group(1), event.group(2), event.group(3));
        } else {
            date = date(event.group(1), event.group(2), String.valueOf(meeting.getYear()));
            if (date != null && date.isBefore(meeting)) {
                date = date.plusYears(1);
            }
        }
        if (date == null) {
            return null;
        }
        return new ParsedEvent(title, date, null, null, false, null, null, null, event.group(4).trim(), null, null,
                null, null);
    }

    /** A short line of names ("Markus Kissling und Johanna Klatt"), not a sentence; null otherwise. */
    private static String signature(String text) {
        String t = text.strip();
        return !t.isEmpty() && t.length() <= 120 && !t.matches(".*[.!?:]$") && !t.matches(".*\\d.*") ? t : null;
    }

    /** The plain text of the first **strong** run after {@code word} in the paragraph, or null. */
    private static String strongAfter(Paragraph paragraph, String word) {
        boolean[] seen = { false };
        String[] found = { null };
        paragraph.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                if (text.getLiteral().contains(word)) {
                    seen[0] = true;
                }
            }

            @Override
            public void visit(StrongEmphasis strong) {
                if (seen[0] && found[0] == null) {
                    found[0] = BlockText.plain(strong).strip();
                } else {
                    visitChildren(strong);
                }
            }
        });
        return found[0];
    }

    /** The address of the paragraph's first {@code mailto:} link, or null. */
    private static String mailto(Paragraph paragraph) {
        String[] found = { null };
        paragraph.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                String target = link.getDestination();
                if (found[0] == null && target != null && target.regionMatches(true, 0, "mailto:", 0, 7)) {
                    found[0] = target.substring(7).strip();
                }
            }
        });
        return found[0];
    }

    /** The paragraph's lines as written (split at hard and soft line breaks), as plain text without Markdown. */
    static List<String> lines(Paragraph paragraph) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        paragraph.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                line.append(text.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak softBreak) {
                lines.add(line.toString().strip());
                line.setLength(0);
            }

            @Override
            public void visit(HardLineBreak hardBreak) {
                lines.add(line.toString().strip());
                line.setLength(0);
            }
        });
        lines.add(line.toString().strip());
        lines.removeIf(String::isEmpty);
        return lines;
    }

    private static LocalDate date(String day, String month, String year) {
        try {
            return LocalDate.of(Integer.parseInt(year), MONTHS.get(month.toLowerCase(Locale.GERMAN)),
                    Integer.parseInt(day));
        } catch (DateTimeException | NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    private static LocalTime time(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.split("[.:]");
        try {
            return LocalTime.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
