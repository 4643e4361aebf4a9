package org.thesenforum.event;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.thesenforum.account.CurrentUser;
import org.thesenforum.discussion.DiscussionService;
import org.thesenforum.event.EventEditor.EventInput;
import org.thesenforum.event.EventPage.EventForm;
import org.thesenforum.event.EventPage.Form;
import org.thesenforum.event.EventViews.RegistrationReceipt;
import org.thesenforum.event.RegistrationService.RegistrationInput;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.ReaderLanguage;

/**
 * The forms of the event pages, working without JavaScript: register (with a honeypot and the per-address limit),
 * cancel, the organisers' actions, the event form, and the request for an invitation. Success redirects; a refusal
 * the reader can fix shows the page again with the message next to the field and what was typed.
 */
@Path("/")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.TEXT_HTML)
public class EventForms {

    private final EventPages pages;
    private final EventEditor editor;
    private final RegistrationService registrations;
    private final RegistrationLimiter limiter;
    private final DiscussionService discussions;
    private final CurrentUser currentUser;
    private final ReaderLanguage language;

    EventForms(EventPages pages, EventEditor editor, RegistrationService registrations, RegistrationLimiter limiter,
            DiscussionService discussions, CurrentUser currentUser, ReaderLanguage language) {
        this.pages = pages;
        this.editor = editor;
        this.registrations = registrations;
        this.limiter = limiter;
        this.discussions = discussions;
        this.currentUser = currentUser;
        this.language = language;
    }

    /** {@code website} is the honeypot: hidden by CSS, left empty by people, filled in by form robots. */
    @POST
    @Path("veranstaltungen/{id}/anmeldung")
    public Response register(@RestPath long id, @RestForm String name, @RestForm String email,
            @RestForm String organisation, @RestForm String fieldOfWork, @RestForm String note,
            @RestForm String consent, @RestForm String website, @Context HttpServerRequest http) {
        Form form = new Form(nz(name), nz(email), nz(organisation), nz(fieldOfWork), nz(note), consent != null,
                null, null);
        limiter.acquire(EventResource.addressOf(http));
        if (website != null && !website.isEmpty()) {
            return EventPages.page(200, pages.pretendConfirmation(id, name, email));
        }
        try {
            RegistrationReceipt receipt = registrations.register(id, new RegistrationInput(name, email, organisation,
                    fieldOfWork, note, consent != null), language.locale());
            return Response.seeOther(URI.create("/anmeldung/" + token(receipt.cancelUrl()))).build();
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            Form refused = new Form(form.name(), form.email(), form.organisation(), form.fieldOfWork(), form.note(),
                    form.consent(), e.field(), e.message(language.locale()));
            return EventPages.page(e.status(), pages.detail(id, refused));
        }
    }

    @POST
    @Path("anmeldung/{token}/abmelden")
    public Response cancel(@RestPath String token) {
        registrations.cancel(token);
        return Response.seeOther(URI.create("/anmeldung/" + token)).build();
    }

    @POST
    @Path("veranstaltungen/{id}/anmeldungen/schliessen")
    @RolesAllowed("MODERATOR")
    public Response close(@RestPath long id) {
        editor.setRegistrationClosed(id, true, currentUser.require());
        return toRegistrations(id, "geschlossen");
    }

    @POST
    @Path("veranstaltungen/{id}/anmeldungen/oeffnen")
    @RolesAllowed("MODERATOR")
    public Response reopen(@RestPath long id) {
        editor.setRegistrationClosed(id, false, currentUser.require());
        return toRegistrations(id, "geoeffnet");
    }

    /** {@code present=on} checks in, {@code off} takes it back. */
    @POST
    @Path("veranstaltungen/{id}/anmeldungen/{registrationId}/anwesend")
    @RolesAllowed("MODERATOR")
    public Response checkIn(@RestPath long id, @RestPath long registrationId, @RestForm String present) {
        registrations.setCheckedIn(ofEvent(id, registrationId), !"off".equals(present), currentUser.require(),
                language.locale());
        return Response.seeOther(URI.create("/veranstaltungen/" + id + "/anmeldungen#r" + registrationId)).build();
    }

    @POST
    @Path("veranstaltungen/{id}/anmeldungen/{registrationId}/einladen")
    @RolesAllowed("MODERATOR")
    public Response invite(@RestPath long id, @RestPath long registrationId) {
        registrations.invite(ofEvent(id, registrationId), currentUser.require(), language.locale());
        return Response.seeOther(URI.create("/veranstaltungen/" + id + "/anmeldungen?hinweis=eingeladen#r"
                + registrationId)).build();
    }

    @POST
    @Path("veranstaltungen")
    @RolesAllowed("MODERATOR")
    public Response create(@RestForm String discussionSlug, @RestForm String title, @RestForm String date,
            @RestForm String startTime, @RestForm String endTime, @RestForm String venueName,
            @RestForm String street, @RestForm String postcode, @RestForm String city, @RestForm String description,
            @RestForm String organisers, @RestForm String contactEmail, @RestForm String deadline,
            @RestForm String capacity) {
        EventForm form = new EventForm(null, nz(discussionSlug), nz(title), nz(date), nz(startTime), nz(endTime),
                nz(venueName), nz(street), nz(postcode), nz(city), nz(description), nz(organisers),
                nz(contactEmail), nz(deadline), nz(capacity), null, null);
        try {
            long id = editor.create(input(form), currentUser.require()).id();
            return Response.seeOther(URI.create("/veranstaltungen/" + id)).build();
        } catch (ProblemException e) {
            return refused(form, e);
        }
    }

    @POST
    @Path("veranstaltungen/{id}/bearbeiten")
    @RolesAllowed("MODERATOR")
    public Response edit(@RestPath long id, @RestForm String title, @RestForm String date,
            @RestForm String startTime, @RestForm String endTime, @RestForm String venueName,
            @RestForm String street, @RestForm String postcode, @RestForm String city, @RestForm String description,
            @RestForm String organisers, @RestForm String contactEmail, @RestForm String deadline,
            @RestForm String capacity) {
        String slug = pages.eventSlug(id);
        EventForm form = new EventForm(id, slug, nz(title), nz(date), nz(startTime), nz(endTime), nz(venueName),
                nz(street), nz(postcode), nz(city), nz(description), nz(organisers), nz(contactEmail), nz(deadline),
                nz(capacity), null, null);
        try {
            EventInput in = input(form);
            // The form always sends every field: empty ones clear, and a missing capacity means no limit.
            editor.update(id, new EventInput(in.title(), null, in.start(), in.end() == null ? "" : in.end(),
                    in.venueName(), in.street(), in.postcode(), in.city(), in.description(), in.organisers(),
                    in.contactEmail(), in.registrationDeadline() == null ? "" : in.registrationDeadline(),
                    in.capacity() == null ? 0 : in.capacity()), currentUser.require());
            return Response.seeOther(URI.create("/veranstaltungen/" + id)).build();
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            return refused(form, e);
        }
    }

    @POST
    @Path("discussions/{slug}/mitmachen")
    public Response requestInvitation(@RestPath String slug, @RestForm String email,
            @Context HttpServerRequest http) {
        limiter.acquire(EventResource.addressOf(http));
        try {
            registrations.requestInvitation(slug, email);
            return EventPages.page(200, pages.joinPage(slug, "", true, null));
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            return EventPages.page(e.status(), pages.joinPage(slug, nz(email), false,
                    e.message(language.locale())));
        }
    }

    private Response refused(EventForm f, ProblemException e) {
        EventForm refused = new EventForm(f.id(), f.discussionSlug(), f.title(), f.date(), f.startTime(),
                f.endTime(), f.venueName(), f.street(), f.postcode(), f.city(), f.description(), f.organisers(),
                f.contactEmail(), f.deadline(), f.capacity(), formField(e.field()), e.message(language.locale()));
        String title;
        try {
            title = discussions.discussion(f.discussionSlug()).title();
        } catch (ProblemException unknown) {
            title = "";
        }
        return EventPages.page(e.status(), EventPages.Templates.form(refused, title));
    }

    /**
     * The form's fields as the API's input: day and times in Berlin, the deadline at the end of its day, and an empty
     * capacity for no limit. The days are checked here too, so that a refusal names the form's field.
     */
    static EventInput input(EventForm f) {
        LocalDate day = date("date", f.date(), true, m -> m.problem_form_date_range(EventDates.FIRST_YEAR,
                EventDates.LAST_YEAR));
        LocalTime start = time("startTime", f.startTime(), true);
        LocalTime end = time("endTime", f.endTime(), false);
        LocalDate last = date("deadline", f.deadline(), false, m -> m.problem_deadline_range(EventDates.FIRST_YEAR,
                EventDates.LAST_YEAR));
        Integer capacity = capacity(f.capacity());
        return new EventInput(f.title(), f.discussionSlug(), iso(day, start),
                end == null ? null : iso(day, end), f.venueName(), f.street(), f.postcode(), f.city(),
                f.description(), f.organisers(), f.contactEmail(),
                last == null ? null : last.plusDays(1).atStartOfDay(EventTimes.BERLIN).toOffsetDateTime().toString(),
                capacity);
    }

    private static String iso(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(EventTimes.BERLIN).toOffsetDateTime().toString();
    }

    private static LocalDate date(String field, String value, boolean required,
            Function<EventMessages, String> outOfRange) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ProblemException.invalid(field, EventService.text(EventMessages::problem_form_date));
            }
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, EventService.text(EventMessages::problem_form_date));
        }
        if (!EventDates.possible(day)) {
            throw ProblemException.invalid(field, EventService.text(outOfRange));
        }
        return day;
    }

    /** Empty for no limit, else a whole number of places the form allows ({@code min="1"}); 0 is not one. */
    private static Integer capacity(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            int places = Integer.parseInt(value.trim());
            if (places >= 1 && places <= EventEditor.MAX_CAPACITY) {
                return places;
            }
        } catch (NumberFormatException e) {
            // refused below like a number out of range
        }
        throw ProblemException.invalid("capacity",
                EventService.text(m -> m.problem_form_capacity(EventEditor.MAX_CAPACITY)));
    }

    private static LocalTime time(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ProblemException.invalid(field, EventService.text(EventMessages::problem_form_time));
            }
            return null;
        }
        try {
            return LocalTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, EventService.text(EventMessages::problem_form_time));
        }
    }

    /** The API's field names where the form has its own. */
    private static String formField(String field) {
        if (field == null) {
            return null;
        }
        return switch (field) {
            case "start" -> "startTime";
            case "end" -> "endTime";
            case "registrationDeadline" -> "deadline";
            default -> field;
        };
    }

    private static Response toRegistrations(long id, String notice) {
        return Response.seeOther(URI.create("/veranstaltungen/" + id + "/anmeldungen?hinweis=" + notice)).build();
    }

    private static long ofEvent(long eventId, long registrationId) {
        Registration r = Registration.findById(registrationId);
        if (r == null || r.event.id != eventId) {
            throw ProblemException.notFound(EventService.text(EventMessages::problem_registration_unknown));
        }
        return registrationId;
    }

    private static String token(String cancelUrl) {
        return cancelUrl.substring(cancelUrl.lastIndexOf('/') + 1);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
