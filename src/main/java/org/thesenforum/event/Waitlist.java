package org.thesenforum.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.web.Languages;

/** Moves waiting people up, first come first served, while an event has free places; the event row is locked. */
@ApplicationScoped
class Waitlist {

    private final EventClock clock;
    private final RegistrationMails mails;

    Waitlist(EventClock clock, RegistrationMails mails) {
        this.clock = clock;
        this.mails = mails;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void fillFreePlaces(ForumEvent event) {
        while (event.capacity == null
                || Registration.countByStatus(event, Registration.Status.CONFIRMED) < event.capacity) {
            Registration next = Registration.firstWaiting(event).orElse(null);
            if (next == null) {
                return;
            }
            next.status = Registration.Status.CONFIRMED;
            next.promotedAt = EventTimes.micros(clock.now());
            next.persist();
            Registration.flush();
            mails.due(RegistrationMail.Kind.PROMOTED, next, null, null, next.locale(Languages.DEFAULT));
        }
    }
}
