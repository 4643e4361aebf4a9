package org.thesenforum.meeting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.thesenforum.meeting.MeetingPage.Row;
import org.thesenforum.web.ProblemException;

/** Turns the rows of the agenda form into the items the service takes, and a refusal into a sentence naming the row. */
final class MeetingForms {

    private MeetingForms() {
    }

    /** The items of a form and, for each, the number of the row it came from. */
    record Parsed(List<AgendaInput> items, List<Integer> rows) {
    }

    /**
     * The filled rows as agenda items, in the order of their planned start (rows with the same start keep their
     * order); rows whose "what" is empty are left out.
     */
    static Parsed items(List<Row> rows) {
        List<Row> filled = new ArrayList<>(rows.stream().filter(r -> !r.what().isBlank()).toList());
        filled.sort(Comparator.comparing(Row::start));
        List<AgendaInput> items = new ArrayList<>();
        for (Row r : filled) {
            String what = r.what().strip();
            int colon = what.indexOf(':');
            String kind = colon < 0 ? what : what.substring(0, colon);
            Long ref = colon < 0 ? null : number(what.substring(colon + 1));
            items.add(new AgendaInput(number(r.id()), kind, ref, r.title(), r.start(), minutes(r.minutes())));
        }
        return new Parsed(items, filled.stream().map(Row::number).toList());
    }

    /** "Punkt 2: …" (the form's row) for a refusal that names an item's field. */
    static String refusal(ProblemException e, Parsed parsed, Locale locale) {
        String field = e.field();
        if (field != null && field.startsWith("items[") && field.indexOf(']') > 6) {
            int index = Integer.parseInt(field.substring(6, field.indexOf(']')));
            int row = index < parsed.rows().size() ? parsed.rows().get(index) : index + 1;
            return AgendaInput.text(m -> m.edit_item(row)).in(locale) + ": " + e.message(locale);
        }
        return e.message(locale);
    }

    private static Long number(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private static Integer minutes(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
