package org.thesenforum.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.thesenforum.discussion.PaperImported;
import org.thesenforum.discussion.ParsedEvent;
import org.thesenforum.web.ProblemException;

/**
 * Stores the events a paper's invitation announces, once per discussion and event (keyed {@code invitation-1},
 * {@code invitation-2}, ... in the order written), inside the import's transaction. What the paper does not say
 * stays empty; dates that break the rules of {@link EventDates} refuse the whole import (422 naming the event).
 */
@ApplicationScoped
class EventImport {

    void onPaperImported(@Observes PaperImported imported) {
        List<ParsedEvent> events = imported.events();
        for (int i = 0; i < events.size(); i++) {
            String key = "invitation-" + (i + 1);
            if (ForumEvent.findByPaperKey(imported.discussion(), key).isEmpty()) {
                ForumEvent e = from(events.get(i));
                e.discussion = imported.discussion();
                e.paperKey = key;
                e.persist();
                Log.infof("Stored the event \"%s\" of discussion %s from its paper", e.title,
                        imported.discussion().slug);
            }
        }
    }

    static ForumEvent from(ParsedEvent p) {
        check(p);
        ForumEvent e = new ForumEvent();
        e.title = p.title();
        e.startsOn = p.date();
        e.startsAt = p.start() == null ? null : p.startsAt().toInstant();
        e.endsAt = p.endsAt() == null ? null : p.endsAt().toInstant();
        e.venueName = p.venueName();
        e.street = p.street();
        e.postcode = p.postcode();
        e.city = p.city();
        e.organisers = p.organisers();
        e.contactEmail = p.contactEmail();
        e.contactFax = p.fax();
        e.registrationDeadline = p.registrationClosesAt() == null ? null : p.registrationClosesAt().toInstant();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        e.createdAt = now;
        e.updatedAt = now;
        return e;
    }

    /** The day covers start and end, which the invitation gives on that day. */
    private static void check(ParsedEvent p) {
        Instant deadline = p.registrationClosesAt() == null ? null : p.registrationClosesAt().toInstant();
        if (!EventDates.possible(p.date()) || deadline != null && !EventDates.possibleDeadline(deadline)) {
            throw ProblemException.invalid("file", EventService.text(m -> m.problem_import_date(p.title(),
                    EventDates.FIRST_YEAR, EventDates.LAST_YEAR)));
        }
        if (deadline != null && EventDates.endsAfter(deadline, p.date())) {
            throw ProblemException.invalid("file", EventService.text(m -> m.problem_import_deadline(p.title())));
        }
    }
}
