package org.thesenforum.discussion;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Markdown of a discussion paper, exactly as received, into a {@link ParsedPaper}.
 *
 * <p>The parser is a small line-based state machine rather than a general Markdown parser, because the paper's
 * quirks (a paragraph break in the middle of a sentence, hard breaks after bold titles, lines holding only a
 * non-breaking space) would be lost in a general syntax tree. Expected layout, from top to bottom:
 * <ol>
 *   <li>the <b>invitation</b>: everything before the first level-1 heading;</li>
 *   <li>the <b>title</b>: the first level-1 heading ({@code # Title});</li>
 *   <li>an optional <b>subtitle</b>: the first level-2 heading after the title and before the theses heading;
 *       a date written {@code Stand d.M.yyyy} in it becomes the paper date;</li>
 *   <li>the <b>introduction</b>: all paragraphs up to the theses heading;</li>
 *   <li>the <b>theses heading</b>: the first level-2 or level-3 heading after the title containing "These",
 *       followed by a numbered list {@code 1.}, {@code 2.}, … ; every paragraph up to the next item belongs to
 *       the current thesis;</li>
 *   <li>an optional <b>approaches heading</b> (level 2 or 3, containing "Ansätze"), introductory paragraphs and
 *       bullets {@code - **Title**} with the text on the following lines; every paragraph up to the next bullet
 *       or the end of the file belongs to the current approach.</li>
 * </ol>
 * Bold markers ({@code **}) are removed from heading texts. Any other heading after the theses heading is refused,
 * so that no text is dropped silently.
 *
 * <p>Text normalisation: line endings {@code \n}, {@code \r\n} and {@code \r} are accepted, a leading UTF-8 BOM is
 * ignored, and lines holding only whitespace or non-breaking spaces count as blank. Paragraphs are separated by
 * exactly one blank line ({@code "\n\n"}). Inside a paragraph, lines are trimmed and joined by a single space,
 * except that a line after a hard break (two trailing spaces or a trailing backslash) and every list item or
 * heading line start on a new line ({@code "\n"}). Markdown such as {@code **bold**} and links is kept.
 *
 * <p>In the introduction, the theses and the approaches, a paragraph that does not end with sentence-ending
 * punctuation ({@code . ! ? : …}, optionally followed by closing quotes or brackets) is taken to continue in the
 * next paragraph, and both are joined with a single space. The invitation is not healed this way, since it holds
 * signatures, dates and addresses without punctuation.
 *
 * <p>Structural errors raise a {@link PaperFormatException} naming the 1-based line. When the theses heading is
 * missing, the exception names the last non-blank line, where the search for it ended.
 *
 * <p>Instances hold no state; {@link #parse(String)} is pure and safe to call from several threads.
 */
public final class PaperParser {

    /** The largest input accepted, in characters. */
    public static final int MAX_CHARS = 200_000;

    /** The longest derived thesis title, in characters, including the trailing ellipsis. */
    static final int MAX_TITLE_CHARS = 120;

    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern NUMBERED_ITEM = Pattern.compile("^ {0,3}(\\d{1,9})[.)](?:[ \\t]+(.*))?$");
    private static final Pattern BULLET = Pattern.compile("^ {0,3}[-*+](?:[ \\t]+(.*))?$");
    private static final Pattern BOLD_TITLE = Pattern.compile("^\\*\\*(.*?)\\*\\*(.*)$");
    private static final Pattern STAND_DATE =
            Pattern.compile("\\bStand\\b\\s*:?\\s*(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4})\\b");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final String SENTENCE_END = ".!?:…";
    private static final String CLOSERS = "“”\"'’‘»«)]*_";
    private static final Set<String> ABBREVIATIONS = Set.of("bzw", "ca", "usw", "etc", "vgl", "nr", "str", "dr",
            "prof", "ggf", "evtl", "inkl", "bspw", "sog", "hrsg", "abs", "jh");

    /**
     * Parses a paper.
     *
     * @param markdown the paper as received, at most {@link #MAX_CHARS} characters
     * @return the structured paper
     * @throws PaperFormatException if the paper does not have the expected structure
     */
    public ParsedPaper parse(String markdown) throws PaperFormatException {
        List<Line> lines = splitLines(checkSize(markdown));
        Layout layout = locateSections(lines);
        Line titleLine = lines.get(layout.title());
        String title = headingOf(titleLine).text();
        Line subtitleLine = layout.subtitle() < 0 ? null : lines.get(layout.subtitle());
        String subtitle = subtitleLine == null ? null : headingOf(subtitleLine).text();
        List<Line> invitation = lines.subList(0, layout.title());
        Line thesesLine = lines.get(layout.theses());
        List<ParsedTopic> theses = parseTheses(thesesLine, lines.subList(layout.theses() + 1, layout.thesesEnd()));
        ApproachSection approaches = parseApproaches(lines, layout);
        return new ParsedPaper(slug(title, titleLine), title, subtitle,
                paperDate(subtitle, subtitleLine), proseText(lines.subList(layout.introStart(), layout.theses())),
                String.join("\n\n", paragraphs(invitation)), guidingQuestions(invitation),
                headingOf(thesesLine).text(), theses, approaches.heading(), approaches.introduction(),
                approaches.topics());
    }

    // ---------------------------------------------------------------- lines and sections

    /** One physical line of the input with its 1-based number. */
    private record Line(int number, String text) {
    }

    /** A heading's level (1–6) and its text without bold markers. */
    private record Heading(int level, String text) {
    }

    /** Indexes into the line list; {@code -1} marks an absent optional part. */
    private record Layout(int title, int subtitle, int theses, int approaches, int size) {

        int introStart() {
            return (subtitle < 0 ? title : subtitle) + 1;
        }

        int thesesEnd() {
            return approaches < 0 ? size : approaches;
        }
    }

    /** The approaches heading text, introduction and topics; heading {@code null} when the section is absent. */
    private record ApproachSection(String heading, String introduction, List<ParsedTopic> topics) {
    }

    private static String checkSize(String markdown) throws PaperFormatException {
        Objects.requireNonNull(markdown, "markdown");
        if (markdown.length() > MAX_CHARS) {
            throw new PaperFormatException(1, "too_large", grouped(markdown.length()), grouped(MAX_CHARS));
        }
        return markdown;
    }

    /** {@code 200 020}: digits grouped by non-breaking spaces, which reads right in German and in English. */
    private static String grouped(int number) {
        return String.format(Locale.ROOT, "%,d", number).replace(',', '\u00A0');
    }

    private static List<Line> splitLines(String markdown) {
        String text = markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown;
        String[] raw = text.split("\r\n|\r|\n", -1);
        List<Line> lines = new ArrayList<>(raw.length);
        for (int i = 0; i < raw.length; i++) {
            lines.add(new Line(i + 1, raw[i]));
        }
        return lines;
    }

    private static Layout locateSections(List<Line> lines) throws PaperFormatException {
        int title = findTitle(lines);
        int theses = indexOfHeading(lines, title + 1, lines.size(), PaperParser::isThesesHeading);
        if (theses < 0) {
            throw new PaperFormatException(lastContentLine(lines), "theses_heading_missing");
        }
        int subtitle = indexOfHeading(lines, title + 1, theses, heading -> heading.level() == 2);
        int approaches = indexOfHeading(lines, theses + 1, lines.size(), PaperParser::isApproachesHeading);
        return new Layout(title, subtitle, theses, approaches, lines.size());
    }

    private static int findTitle(List<Line> lines) throws PaperFormatException {
        for (int i = 0; i < lines.size(); i++) {
            Heading heading = headingOf(lines.get(i));
            if (heading != null && heading.level() == 1) {
                if (heading.text().isEmpty()) {
                    throw new PaperFormatException(lines.get(i).number(), "title_empty");
                }
                return i;
            }
        }
        throw new PaperFormatException(1, "title_missing");
    }

    private static int indexOfHeading(List<Line> lines, int from, int to, Predicate<Heading> wanted) {
        for (int i = from; i < to; i++) {
            Heading heading = headingOf(lines.get(i));
            if (heading != null && wanted.test(heading)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isThesesHeading(Heading heading) {
        return (heading.level() == 2 || heading.level() == 3) && heading.text().contains("These");
    }

    private static boolean isApproachesHeading(Heading heading) {
        return (heading.level() == 2 || heading.level() == 3) && heading.text().contains("Ansätze");
    }

    private static Heading headingOf(Line line) {
        Matcher matcher = HEADING.matcher(line.text());
        if (!matcher.matches()) {
            return null;
        }
        String text = matcher.group(2) == null ? "" : matcher.group(2).replace("**", "");
        return new Heading(matcher.group(1).length(), trim(text));
    }

    private static int lastContentLine(List<Line> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!isBlank(lines.get(i).text())) {
                return lines.get(i).number();
            }
        }
        return 1;
    }

    private static void rejectHeading(Line line, String key) throws PaperFormatException {
        Heading heading = headingOf(line);
        if (heading != null) {
            throw new PaperFormatException(line.number(), key, heading.text());
        }
    }

    // ---------------------------------------------------------------- theses

    /** A topic being collected: its first line, number, title (approaches only) and body lines. */
    private static final class Draft {
        final Line start;
        final int number;
        final String title;
        final List<Line> body = new ArrayList<>();

        Draft(Line start, int number, String title, String firstText) {
            this.start = start;
            this.number = number;
            this.title = title;
            if (firstText != null && !isBlank(firstText)) {
                body.add(new Line(start.number(), firstText));
            }
        }
    }

    private static List<ParsedTopic> parseTheses(Line headingLine, List<Line> lines) throws PaperFormatException {
        List<ParsedTopic> theses = new ArrayList<>();
        Draft current = null;
        for (Line line : lines) {
            rejectHeading(line, "heading_among_theses");
            Matcher item = NUMBERED_ITEM.matcher(line.text());
            if (item.matches()) {
                addThesis(theses, current);
                current = startThesis(line, item, theses.size() + 1);
            } else if (current != null) {
                current.body.add(line);
            } else if (!isBlank(line.text())) {
                throw new PaperFormatException(line.number(), "text_before_first_thesis");
            }
        }
        addThesis(theses, current);
        if (theses.isEmpty()) {
            throw new PaperFormatException(headingLine.number(), "theses_missing", headingOf(headingLine).text());
        }
        return theses;
    }

    private static Draft startThesis(Line line, Matcher item, int expected) throws PaperFormatException {
        int number = Integer.parseInt(item.group(1));
        if (expected == 1 && number != 1) {
            throw new PaperFormatException(line.number(), "theses_start", number);
        } else if (number < expected) {
            throw new PaperFormatException(line.number(), "thesis_repeated", number);
        } else if (number > expected) {
            throw new PaperFormatException(line.number(), "theses_skip", expected - 1, number);
        }
        return new Draft(line, number, null, item.group(2));
    }

    private static void addThesis(List<ParsedTopic> theses, Draft draft) throws PaperFormatException {
        if (draft == null) {
            return;
        }
        String body = proseText(draft.body);
        if (body.isEmpty()) {
            throw new PaperFormatException(draft.start.number(), "thesis_empty", draft.number);
        }
        theses.add(new ParsedTopic(TopicKind.THESIS, draft.number, shortTitle(body), body));
    }

    // ---------------------------------------------------------------- approaches

    private static ApproachSection parseApproaches(List<Line> lines, Layout layout) throws PaperFormatException {
        if (layout.approaches() < 0) {
            return new ApproachSection(null, "", List.of());
        }
        Line headingLine = lines.get(layout.approaches());
        List<Line> intro = new ArrayList<>();
        List<ParsedTopic> approaches = new ArrayList<>();
        Draft current = null;
        for (Line line : lines.subList(layout.approaches() + 1, lines.size())) {
            rejectHeading(line, "heading_after_approaches");
            Matcher bullet = BULLET.matcher(line.text());
            if (bullet.matches()) {
                addApproach(approaches, current);
                current = startApproach(line, bullet.group(1), approaches.size() + 1);
            } else if (current != null) {
                current.body.add(line);
            } else {
                intro.add(line);
            }
        }
        addApproach(approaches, current);
        String heading = headingOf(headingLine).text();
        if (approaches.isEmpty()) {
            throw new PaperFormatException(headingLine.number(), "approaches_missing", heading);
        }
        return new ApproachSection(heading, proseText(intro), approaches);
    }

    private static Draft startApproach(Line line, String rest, int number) throws PaperFormatException {
        Matcher bold = BOLD_TITLE.matcher(rest == null ? "" : trim(rest));
        if (!bold.matches()) {
            throw new PaperFormatException(line.number(), "approach_without_bold_title");
        }
        String title = trim(bold.group(1));
        if (title.isEmpty()) {
            throw new PaperFormatException(line.number(), "approach_title_empty", number);
        }
        return new Draft(line, number, title, bold.group(2));
    }

    private static void addApproach(List<ParsedTopic> approaches, Draft draft) throws PaperFormatException {
        if (draft == null) {
            return;
        }
        String body = proseText(draft.body);
        if (body.isEmpty()) {
            throw new PaperFormatException(draft.start.number(), "approach_empty", draft.title);
        }
        approaches.add(new ParsedTopic(TopicKind.APPROACH, draft.number, draft.title, body));
    }

    // ---------------------------------------------------------------- invitation, subtitle, slug

    private static List<String> guidingQuestions(List<Line> invitation) {
        List<String> questions = new ArrayList<>();
        for (Line line : invitation) {
            Matcher item = BULLET.matcher(line.text());
            if (item.matches() && item.group(1) != null) {
                String text = trim(item.group(1));
                if (text.endsWith("?")) {
                    questions.add(text);
                }
            }
        }
        return questions;
    }

    private static LocalDate paperDate(String subtitle, Line subtitleLine) throws PaperFormatException {
        Matcher date = subtitle == null ? null : STAND_DATE.matcher(subtitle);
        if (date == null || !date.find()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(date.group(3)), Integer.parseInt(date.group(2)),
                    Integer.parseInt(date.group(1)));
        } catch (DateTimeException e) {
            throw new PaperFormatException(subtitleLine.number(), "date_impossible", date.group());
        }
    }

    private static String slug(String title, Line titleLine) throws PaperFormatException {
        String slug = Normalizer.normalize(title, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        slug = Normalizer.normalize(slug, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        slug = slug.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty()) {
            throw new PaperFormatException(titleLine.number(), "title_without_letters", title);
        }
        return slug;
    }

    // ---------------------------------------------------------------- paragraphs

    /** Collects trimmed lines into paragraphs, honouring blank lines, hard breaks and list items. */
    private static final class Paragraphs {
        private final List<String> done = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private boolean lineBreakPending;

        void add(String raw) {
            if (isBlank(raw)) {
                endParagraph();
                return;
            }
            String text = trim(raw);
            boolean backslashBreak = text.endsWith("\\") && !text.endsWith("\\\\");
            if (backslashBreak) {
                text = trim(text.substring(0, text.length() - 1));
            }
            boolean ownLine = startsOwnLine(text);
            if (current.length() > 0) {
                current.append(lineBreakPending || ownLine ? '\n' : ' ');
            }
            current.append(text);
            lineBreakPending = backslashBreak || raw.endsWith("  ") || HEADING.matcher(text).matches();
        }

        void endParagraph() {
            if (current.length() > 0) {
                done.add(current.toString());
                current.setLength(0);
            }
            lineBreakPending = false;
        }

        List<String> result() {
            endParagraph();
            return done;
        }
    }

    private static List<String> paragraphs(List<Line> lines) {
        Paragraphs paragraphs = new Paragraphs();
        for (Line line : lines) {
            paragraphs.add(line.text());
        }
        return paragraphs.result();
    }

    /** Paragraphs of running text, with paragraphs broken in mid-sentence joined again. */
    private static String proseText(List<Line> lines) {
        List<String> healed = new ArrayList<>();
        for (String paragraph : paragraphs(lines)) {
            int last = healed.size() - 1;
            if (last >= 0 && continuesSentence(healed.get(last), paragraph)) {
                healed.set(last, healed.get(last) + " " + paragraph);
            } else {
                healed.add(paragraph);
            }
        }
        return String.join("\n\n", healed);
    }

    private static boolean continuesSentence(String previous, String next) {
        return isPlainParagraph(previous) && isPlainParagraph(next) && !endsSentence(previous);
    }

    private static boolean isPlainParagraph(String paragraph) {
        return paragraph.indexOf('\n') < 0 && !startsOwnLine(paragraph);
    }

    private static boolean startsOwnLine(String text) {
        return BULLET.matcher(text).matches() || NUMBERED_ITEM.matcher(text).matches()
                || HEADING.matcher(text).matches();
    }

    private static boolean endsSentence(String paragraph) {
        int end = paragraph.length();
        while (end > 0 && CLOSERS.indexOf(paragraph.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > 0 && SENTENCE_END.indexOf(paragraph.charAt(end - 1)) >= 0;
    }

    // ---------------------------------------------------------------- thesis titles

    /**
     * Derives a title from the first sentence of a body: Markdown emphasis and link targets are removed, a final
     * full stop is dropped, and a sentence longer than {@link #MAX_TITLE_CHARS} is cut at a word boundary and
     * ends with "…".
     */
    static String shortTitle(String body) {
        String first = body.split("\n\n", 2)[0].replace('\n', ' ');
        String plain = trim(LINK.matcher(first).replaceAll("$1").replace("**", ""));
        String sentence = trim(plain.substring(0, sentenceEnd(plain)));
        if (sentence.endsWith(".") && !sentence.endsWith("..")) {
            sentence = sentence.substring(0, sentence.length() - 1);
        }
        if (sentence.length() <= MAX_TITLE_CHARS) {
            return sentence;
        }
        int cut = sentence.lastIndexOf(' ', MAX_TITLE_CHARS - 1);
        String head = sentence.substring(0, cut > 0 ? cut : MAX_TITLE_CHARS - 1);
        return head.replaceAll("[\\s,;:–—-]+$", "") + "…";
    }

    private static int sentenceEnd(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '.' && c != '!' && c != '?') {
                continue;
            }
            int end = i + 1;
            while (end < text.length() && CLOSERS.indexOf(text.charAt(end)) >= 0) {
                end++;
            }
            if (end == text.length()) {
                return end;
            }
            if (Character.isWhitespace(text.charAt(end)) && startsSentence(text, end)
                    && (c != '.' || !isAbbreviation(text, i))) {
                return end;
            }
        }
        return text.length();
    }

    private static boolean startsSentence(String text, int from) {
        String rest = trim(text.substring(from));
        if (rest.isEmpty()) {
            return true;
        }
        char first = rest.charAt(0);
        return Character.isUpperCase(first) || Character.isDigit(first) || "„\"»«‚'(".indexOf(first) >= 0;
    }

    /** Whether the full stop at {@code dot} ends an ordinal ("16.") or an abbreviation ("z.T.", "bzw."). */
    private static boolean isAbbreviation(String text, int dot) {
        int start = dot;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        String word = text.substring(start, dot).replaceAll("^[^\\p{L}\\p{N}]+", "");
        return word.length() <= 1 || word.indexOf('.') >= 0 || word.chars().allMatch(Character::isDigit)
                || ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    // ---------------------------------------------------------------- whitespace

    private static boolean isBlank(String text) {
        return trim(text).isEmpty();
    }

    /** Strips whitespace including non-breaking spaces from both ends. */
    private static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
