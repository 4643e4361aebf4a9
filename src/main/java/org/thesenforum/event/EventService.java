package org.thesenforum.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.discussion.Discussion;
import org.thesenforum.event.EventViews.EventCounts;
import org.thesenforum.event.EventViews.EventView;
import org.thesenforum.event.EventViews.FieldCount;
import org.thesenforum.event.EventViews.RegistrationState;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/**
 * Events of discussions: the read side other features use (events of a discussion, counts by status, attendance by
 * field of work), and creating and editing them ({@link EventEditor}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EventService {

    private final FieldsOfWork fields;
    private final EventClock clock;

    EventService(FieldsOfWork fields, EventClock clock) {
        this.fields = fields;
        this.clock = clock;
    }

    /** All events, or those of the discussion {@code slug}, earliest first. */
    public List<EventView> list(String slug) {
        if (slug == null) {
            return ForumEvent.<ForumEvent>list("order by startsOn, startsAt, id").stream().map(this::view).toList();
        }
        return ofDiscussion(slug);
    }

    /** The events of a discussion, earliest first; 404 for an unknown discussion. */
    public List<EventView> ofDiscussion(String slug) {
        Discussion d = Discussion.findBySlug(slug).orElseThrow(() -> ProblemException.notFound(
                text(EventMessages::problem_discussion_unknown)));
        return ForumEvent.listByDiscussion(d).stream().map(this::view).toList();
    }

    /** One event; 404 when there is none with this id. */
    public EventView get(long id) {
        return view(require(id));
    }

    /** Registrations of an event by status, and how many confirmed people were checked in. */
    public EventCounts counts(long eventId) {
        ForumEvent e = require(eventId);
        long checkedIn = Registration.count("event = ?1 and status = ?2 and checkedInAt is not null", e,
                Registration.Status.CONFIRMED);
        return new EventCounts(Registration.countByStatus(e, Registration.Status.CONFIRMED),
                Registration.countByStatus(e, Registration.Status.WAITLISTED),
                Registration.countByStatus(e, Registration.Status.CANCELLED), checkedIn);
    }

    /**
     * Confirmed registrations and checked-in people per field of work, in the configured order with the labels in
     * {@code locale}; keys no longer configured follow, and registrations without a field come last (key null).
     */
    public List<FieldCount> byFieldOfWork(long eventId, Locale locale) {
        ForumEvent e = require(eventId);
        Map<String, long[]> counts = new LinkedHashMap<>();
        fields.keys().forEach(k -> counts.put(k, new long[2]));
        for (Registration r : Registration.<Registration>list("event = ?1 and status = ?2 order by createdAt, id", e,
                Registration.Status.CONFIRMED)) {
            long[] c = counts.computeIfAbsent(r.fieldOfWork, k -> new long[2]);
            c[0]++;
            if (r.checkedInAt != null) {
                c[1]++;
            }
        }
        List<FieldCount> result = new ArrayList<>();
        counts.forEach((key, c) -> {
            if (key != null) {
                result.add(new FieldCount(key, fields.label(key, locale), c[0], c[1]));
            }
        });
        long[] none = counts.get(null);
        if (none != null) {
            result.add(new FieldCount(null, null, none[0], none[1]));
        }
        return result;
    }

    ForumEvent require(long id) {
        ForumEvent e = ForumEvent.findById(id);
        if (e == null) {
            throw ProblemException.notFound(text(EventMessages::problem_event_unknown));
        }
        return e;
    }

    EventView view(ForumEvent e) {
        long confirmed = Registration.countByStatus(e, Registration.Status.CONFIRMED);
        long waitlisted = Registration.countByStatus(e, Registration.Status.WAITLISTED);
        Integer left = e.capacity == null ? null : (int) Math.max(0, e.capacity - confirmed);
        return new EventView(e.id, e.discussion.slug, e.discussion.title, e.title, e.startsOn,
                EventTimes.berlin(e.startsAt), EventTimes.berlin(e.endsAt), e.venueName, e.street, e.postcode, e.city,
                e.description, e.organisers, e.contactEmail, e.contactFax,
                EventTimes.berlin(e.registrationDeadline), e.capacity, e.registrationClosedAt != null,
                state(e, confirmed, now()), confirmed, waitlisted, left, "/veranstaltungen/" + e.id,
                "/api/events/" + e.id + "/calendar.ics");
    }

    /** Whether people can register at {@code now}, given {@code confirmed} places taken. */
    static RegistrationState state(ForumEvent e, long confirmed, Instant now) {
        if (e.registrationDeadline == null) {
            return RegistrationState.NONE;
        }
        if (!now.isBefore(e.registrationDeadline)) {
            return RegistrationState.DEADLINE_PASSED;
        }
        if (e.registrationClosedAt != null) {
            return RegistrationState.CLOSED;
        }
        return e.capacity != null && confirmed >= e.capacity ? RegistrationState.WAITLIST : RegistrationState.OPEN;
    }

    Instant now() {
        return clock.now();
    }

    /** The bundle in {@code locale}'s language; German for any language the forum does not offer. */
    static EventMessages bundle(Locale locale) {
        String tag = locale != null && "en".equals(locale.getLanguage()) ? "en" : "de";
        return io.quarkus.qute.i18n.MessageBundles.get(EventMessages.class,
                io.quarkus.qute.i18n.Localized.Literal.of(tag));
    }

    static Text text(java.util.function.Function<EventMessages, String> message) {
        return Text.of(EventMessages.class, message);
    }
}
