package org.thesenforum.event;

import java.util.List;

import org.thesenforum.event.EventViews.EventCounts;
import org.thesenforum.event.EventViews.EventView;
import org.thesenforum.event.EventViews.FieldCount;
import org.thesenforum.event.EventViews.RegistrationView;
import org.thesenforum.event.FieldsOfWork.Field;

/** What the event pages show; records so the templates are checked at build time. */
public final class EventPage {

    private EventPage() {
    }

    /** The registration form as typed, with the refusal to show next to it (field and text), if any. */
    public record Form(String name, String email, String organisation, String fieldOfWork, String note,
            boolean consent, String errorField, String error) {

        static final Form EMPTY = new Form("", "", "", "", "", false, null, null);

        public boolean hasError() {
            return error != null;
        }

        public boolean errorOn(String field) {
            return error != null && field.equals(errorField);
        }

        public boolean chose(String key) {
            return key.equals(fieldOfWork);
        }
    }

    /** The event page: details, address, and the registration form or why there is none. */
    public record Detail(EventView event, Form form, List<Field> fields, boolean organiser, String privacy) {
    }

    /** The events of a discussion. */
    public record Listing(String slug, String discussionTitle, List<EventView> events, boolean organiser) {
    }

    /** The organisers' list of an event's registrations, by status. */
    public record Registrations(EventView event, List<RegistrationView> confirmed, List<RegistrationView> waitlisted,
            List<RegistrationView> cancelled, EventCounts counts, List<FieldCount> fields, String notice) {
    }

    /** The create or edit form of an event as typed (date and times separately, the deadline as its last day). */
    public record EventForm(Long id, String discussionSlug, String title, String date, String startTime,
            String endTime, String venueName, String street, String postcode, String city, String description,
            String organisers, String contactEmail, String deadline, String capacity, String errorField,
            String error) {

        public boolean hasError() {
            return error != null;
        }

        public boolean errorOn(String field) {
            return error != null && field.equals(errorField);
        }

        public boolean isNew() {
            return id == null;
        }

        /** The earliest day the date fields take ({@link EventDates}). */
        public String firstDay() {
            return EventDates.firstDay();
        }

        /** The latest day the date fields take. */
        public String lastDay() {
            return EventDates.lastDay();
        }

        public int maxCapacity() {
            return EventEditor.MAX_CAPACITY;
        }
    }

    /** The join page the projector's QR code leads to. */
    public record Join(String slug, String discussionTitle, List<EventView> events, String email, boolean requested,
            String error) {
    }
}
