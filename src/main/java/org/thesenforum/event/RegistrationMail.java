package org.thesenforum.event;

import java.util.Locale;

/**
 * An e-mail due to a registered person, fired inside the transaction that makes it due and sent after the commit by
 * {@link RegistrationMails}; carries everything it needs (the calendar file too, null when the event's date allows
 * none), since the entities are gone by then.
 */
record RegistrationMail(Kind kind, String to, String name, String eventTitle, String when, String where,
        String eventUrl, String cancelUrl, String invitationUrl, String calendar, Locale locale) {

    enum Kind { CONFIRMED, WAITLISTED, PROMOTED, INVITED }

    public boolean confirmed() {
        return kind == Kind.CONFIRMED;
    }

    public boolean waitlisted() {
        return kind == Kind.WAITLISTED;
    }

    public boolean promoted() {
        return kind == Kind.PROMOTED;
    }

    public boolean invited() {
        return kind == Kind.INVITED;
    }

    /** Every mail but the invitation carries the calendar file, when there is one. */
    public boolean attachesCalendar() {
        return kind != Kind.INVITED && calendar != null;
    }
}
