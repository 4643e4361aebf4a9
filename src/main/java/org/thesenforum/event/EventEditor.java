package org.thesenforum.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.thesenforum.account.Account;
import org.thesenforum.account.Role;
import org.thesenforum.audit.AuditLog;
import org.thesenforum.discussion.Discussion;
import org.thesenforum.event.EventViews.EventView;
import org.thesenforum.web.Inputs;
import org.thesenforum.web.ProblemException;

/** Creating and editing events, and closing or reopening their registration: moderators and admins only. */
@ApplicationScoped
@Transactional
public class EventEditor {

    static final int MAX_CAPACITY = 100_000;

    /**
     * The fields of an event as typed (date-times as ISO-8601 text with their offset). For an edit, null leaves a
     * field as it is and an empty text removes an optional one; a capacity of 0 removes the limit.
     */
    public record EventInput(String title, String discussionSlug, String start, String end, String venueName,
            String street, String postcode, String city, String description, String organisers, String contactEmail,
            String registrationDeadline, Integer capacity) {
    }

    private final EventService events;
    private final Waitlist waitlist;
    private final AuditLog audit;
    private final EntityManager em;

    EventEditor(EventService events, Waitlist waitlist, AuditLog audit, EntityManager em) {
        this.events = events;
        this.waitlist = waitlist;
        this.audit = audit;
        this.em = em;
    }

    public EventView create(EventInput input, Account moderator) {
        requireOrganiser(moderator);
        ForumEvent e = new ForumEvent();
        e.discussion = discussion(input.discussionSlug());
        apply(e, input, true);
        e.createdAt = events.now();
        e.updatedAt = e.createdAt;
        e.persist();
        audit.record(moderator.id, "EVENT_CREATED", "event", e.id, e.title);
        return events.view(e);
    }

    public EventView update(long id, EventInput input, Account moderator) {
        requireOrganiser(moderator);
        ForumEvent e = lock(id);
        if (input.discussionSlug() != null) {
            e.discussion = discussion(input.discussionSlug());
        }
        apply(e, input, false);
        e.updatedAt = events.now();
        waitlist.fillFreePlaces(e);
        audit.record(moderator.id, "EVENT_EDITED", "event", e.id, e.title);
        return events.view(e);
    }

    /** Closes registration before the deadline ({@code closed}) or opens it again. */
    public EventView setRegistrationClosed(long id, boolean closed, Account moderator) {
        requireOrganiser(moderator);
        ForumEvent e = lock(id);
        if (closed && e.registrationClosedAt == null) {
            e.registrationClosedAt = events.now();
            audit.record(moderator.id, "EVENT_REGISTRATION_CLOSED", "event", e.id, e.title);
        } else if (!closed && e.registrationClosedAt != null) {
            e.registrationClosedAt = null;
            audit.record(moderator.id, "EVENT_REGISTRATION_REOPENED", "event", e.id, e.title);
        }
        return events.view(e);
    }

    static void requireOrganiser(Account account) {
        if (account == null || !account.role.atLeast(Role.MODERATOR)) {
            throw ProblemException.forbidden(EventService.text(EventMessages::problem_organisers_only));
        }
    }

    ForumEvent lock(long id) {
        ForumEvent e = em.find(ForumEvent.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw ProblemException.notFound(EventService.text(EventMessages::problem_event_unknown));
        }
        return e;
    }

    private static Discussion discussion(String slug) {
        String s = Inputs.requiredLine("discussionSlug", slug, 200);
        return Discussion.findBySlug(s).orElseThrow(() -> ProblemException.invalid("discussionSlug",
                EventService.text(EventMessages::problem_discussion_unknown)));
    }

    /**
     * Checks every field first (the dates by the rules of {@link EventDates}, on the values the event will have) and
     * changes the event only when all are fine, so a refusal leaves it as it was.
     */
    private static void apply(ForumEvent e, EventInput in, boolean creating) {
        String title = creating || in.title() != null ? Inputs.requiredLine("title", in.title(), 200) : e.title;
        Instant start = creating || in.start() != null ? dateTime("start", in.start(), true) : e.startsAt;
        refuseUnless(start == null ? EventDates.possible(e.startsOn) : EventDates.possible(start), "start",
                m -> m.problem_start_range(EventDates.FIRST_YEAR, EventDates.LAST_YEAR));
        LocalDate day = start == null ? e.startsOn : start.atZone(EventTimes.BERLIN).toLocalDate();
        Instant end = in.end() != null ? dateTime("end", in.end(), false) : e.endsAt;
        refuseUnless(end == null || EventDates.possible(end), "end",
                m -> m.problem_end_range(EventDates.FIRST_YEAR, EventDates.LAST_YEAR));
        if (end != null && (start == null || !end.isAfter(start))) {
            throw ProblemException.invalid("end", EventService.text(EventMessages::problem_end_before_start));
        }
        String venue = optional("venueName", in.venueName(), 200, e.venueName, creating);
        String street = optional("street", in.street(), 200, e.street, creating);
        String postcode = optional("postcode", in.postcode(), 20, e.postcode, creating);
        String city = creating || in.city() != null ? Inputs.requiredLine("city", in.city(), 100) : e.city;
        String description = creating || in.description() != null
                ? (in.description() == null || in.description().isBlank() ? null
                        : Inputs.requiredText("description", in.description(), 5000))
                : e.description;
        String organisers = optional("organisers", in.organisers(), 500, e.organisers, creating);
        String contact = creating || in.contactEmail() != null ? email(in.contactEmail()) : e.contactEmail;
        Instant deadline = creating || in.registrationDeadline() != null
                ? dateTime("registrationDeadline", in.registrationDeadline(), false) : e.registrationDeadline;
        refuseUnless(deadline == null || EventDates.possibleDeadline(deadline), "registrationDeadline",
                m -> m.problem_deadline_range(EventDates.FIRST_YEAR, EventDates.LAST_YEAR));
        refuseUnless(deadline == null || !EventDates.endsAfter(deadline, day), "registrationDeadline",
                EventMessages::problem_deadline_after_event);
        Integer capacity = e.capacity;
        if (creating || in.capacity() != null) {
            capacity = in.capacity() == null || in.capacity() == 0 ? null : in.capacity();
            if (capacity != null && (capacity < 1 || capacity > MAX_CAPACITY)) {
                throw ProblemException.invalid("capacity",
                        EventService.text(m -> m.problem_capacity(MAX_CAPACITY)));
            }
        }
        e.title = title;
        // An imported event whose time the paper does not give keeps only its day until a start is set.
        if (start != null) {
            e.startsAt = start;
            e.startsOn = day;
        }
        e.endsAt = end;
        e.venueName = venue;
        e.street = street;
        e.postcode = postcode;
        e.city = city;
        e.description = description;
        e.organisers = organisers;
        e.contactEmail = contact;
        e.registrationDeadline = deadline;
        e.capacity = capacity;
    }

    private static void refuseUnless(boolean fine, String field, Function<EventMessages, String> message) {
        if (!fine) {
            throw ProblemException.invalid(field, EventService.text(message));
        }
    }

    private static String optional(String field, String value, int max, String current, boolean creating) {
        if (!creating && value == null) {
            return current;
        }
        return Inputs.optionalLine(field, value, max);
    }

    private static String email(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return Registrations.checkEmail("contactEmail", raw);
    }

    /** An ISO-8601 date-time with its offset ({@code 2016-06-16T10:30:00+02:00}); blank is null unless required. */
    static Instant dateTime(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ProblemException.invalid(field, EventService.text(EventMessages::problem_date_time));
            }
            return null;
        }
        try {
            return EventTimes.micros(OffsetDateTime.parse(value.trim()).toInstant());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, EventService.text(EventMessages::problem_date_time));
        }
    }
}
