package org.thesenforum.event;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** Read models of events and registrations, for the API, the pages and other features. */
public final class EventViews {

    private EventViews() {
    }

    /** Whether and how people can register right now. */
    public enum RegistrationState {
        /** Places are free (or there is no limit). */
        OPEN,
        /** All places are taken; new registrations join the waiting list. */
        WAITLIST,
        /** The organisers closed registration before the deadline. */
        CLOSED,
        /** The deadline has passed. */
        DEADLINE_PASSED,
        /** The event takes no registrations (it has no deadline). */
        NONE;

        public boolean isOpen() {
            return this == OPEN || this == WAITLIST;
        }

        public boolean isWaitlist() {
            return this == WAITLIST;
        }

        public boolean isClosed() {
            return this == CLOSED;
        }

        public boolean isDeadlinePassed() {
            return this == DEADLINE_PASSED;
        }

        public boolean isNone() {
            return this == NONE;
        }
    }

    /**
     * An event. {@code start} is null when only the day is known; times carry their Europe/Berlin offset.
     */
    public record EventView(long id, String discussionSlug, String discussionTitle, String title, LocalDate date,
            OffsetDateTime start, OffsetDateTime end, String venueName, String street, String postcode, String city,
            String description, String organisers, String contactEmail, String contactFax,
            OffsetDateTime registrationDeadline, Integer capacity, boolean closedEarly,
            RegistrationState registration, long confirmed, long waitlisted, Integer placesLeft, String pageUrl,
            String calendarUrl) {

        /** Street and "postcode city" as lines, without the empty ones. */
        public List<String> addressLines() {
            String place = ((postcode == null ? "" : postcode) + " " + (city == null ? "" : city)).trim();
            return java.util.stream.Stream.of(venueName, street, place)
                    .filter(s -> s != null && !s.isBlank()).toList();
        }

        @JsonIgnore
        public boolean hasTime() {
            return start != null;
        }
    }

    /** How many registrations an event has, by status, and how many of the confirmed were checked in. */
    public record EventCounts(long confirmed, long waitlisted, long cancelled, long checkedIn) {
    }

    /** Registrations and attendance for one field of work; {@code key} null for registrations without one. */
    public record FieldCount(String key, String label, long registered, long attended) {
    }

    /** A registration as the organisers see it; contact data is null once removed after the event. */
    public record RegistrationView(long id, long eventId, Registration.Status status, String name, String email,
            String organisation, String fieldOfWork, String fieldOfWorkLabel, String note, OffsetDateTime createdAt,
            OffsetDateTime checkedInAt, OffsetDateTime invitationRequestedAt, OffsetDateTime invitedAt,
            String invitationUrl, boolean anonymised, int waitingPosition) {

        @JsonIgnore
        public boolean isConfirmed() {
            return status == Registration.Status.CONFIRMED;
        }

        @JsonIgnore
        public boolean isWaitlisted() {
            return status == Registration.Status.WAITLISTED;
        }

        @JsonIgnore
        public boolean isCancelled() {
            return status == Registration.Status.CANCELLED;
        }

        @JsonIgnore
        public boolean isCheckedIn() {
            return checkedInAt != null;
        }
    }

    /** The answer to a registration: its status and the personal link to see and cancel it. */
    public record RegistrationReceipt(long eventId, String eventTitle, Registration.Status status, String name,
            String email, int waitingPosition, String cancelUrl) {

        @JsonIgnore
        public boolean isConfirmed() {
            return status == Registration.Status.CONFIRMED;
        }

        @JsonIgnore
        public boolean isWaitlisted() {
            return status == Registration.Status.WAITLISTED;
        }

        @JsonIgnore
        public boolean isCancelled() {
            return status == Registration.Status.CANCELLED;
        }

        /** The personal page's path on this host, for forms (the URL names the configured base address). */
        @JsonIgnore
        public String path() {
            return cancelUrl.substring(cancelUrl.indexOf("/anmeldung/"));
        }
    }
}
