package org.thesenforum.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One audit entry told as a sentence: plain text and links ("Maria Muster hat den Beitrag von Jan Beispiel in These 2
 * ausgeblendet"). Pages escape every part; a part with an address becomes a link.
 */
public record AuditSentence(List<Part> parts) {

    private static final Pattern SLOT = Pattern.compile("\u0001(\\d+)\u0002");

    /** A piece of the sentence; with {@code href} a link to what it names. */
    public record Part(String text, String href) {

        public boolean linked() {
            return href != null;
        }
    }

    public static Part text(String text) {
        return new Part(text == null ? "" : text, null);
    }

    public static Part link(String text, String href) {
        return new Part(text == null ? "" : text, href);
    }

    /**
     * The placeholder for {@code parts[index]} in {@link #of}: passed to a message instead of the value, so the
     * message decides where a name stands and the page can still make it a link.
     */
    public static String slot(int index) {
        return "\u0001" + index + "\u0002";
    }

    /** The message with each {@link #slot} replaced by its part; the rest stays plain text. */
    public static AuditSentence of(String message, Part... slots) {
        List<Part> parts = new ArrayList<>();
        Matcher m = SLOT.matcher(message);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(text(message.substring(at, m.start())));
            }
            int index = Integer.parseInt(m.group(1));
            parts.add(index < slots.length ? slots[index] : text(""));
            at = m.end();
        }
        if (at < message.length()) {
            parts.add(text(message.substring(at)));
        }
        return new AuditSentence(List.copyOf(parts));
    }

    /** The sentence without links, e.g. for tests and logs. */
    public String plain() {
        StringBuilder out = new StringBuilder();
        parts.forEach(p -> out.append(p.text()));
        return out.toString();
    }
}
