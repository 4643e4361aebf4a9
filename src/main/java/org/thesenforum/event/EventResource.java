package org.thesenforum.event;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.thesenforum.account.CurrentUser;
import org.thesenforum.event.EventEditor.EventInput;
import org.thesenforum.event.EventViews.EventView;
import org.thesenforum.event.EventViews.RegistrationReceipt;
import org.thesenforum.event.EventViews.RegistrationView;
import org.thesenforum.event.RegistrationService.RegistrationInput;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.ReaderLanguage;

/** JSON API for events: list, read, create and edit them, register and cancel, the organisers' list, calendar files. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class EventResource {

    private final EventService events;
    private final EventEditor editor;
    private final RegistrationService registrations;
    private final RegistrationLimiter limiter;
    private final EventCalendar calendar;
    private final CurrentUser currentUser;
    private final ReaderLanguage language;

    EventResource(EventService events, EventEditor editor, RegistrationService registrations,
            RegistrationLimiter limiter, EventCalendar calendar, CurrentUser currentUser, ReaderLanguage language) {
        this.events = events;
        this.editor = editor;
        this.registrations = registrations;
        this.limiter = limiter;
        this.calendar = calendar;
        this.currentUser = currentUser;
        this.language = language;
    }

    /** Body of a new event; date-times are ISO-8601 with their offset. */
    public record EventRequest(String title, String discussionSlug, String start, String end, String venueName,
            String street, String postcode, String city, String description, String organisers, String contactEmail,
            String registrationDeadline, Integer capacity) {
    }

    /**
     * Body of an edit: absent fields stay, an empty text removes an optional field, {@code "capacity": 0} the
     * limit; {@code registrationClosed} closes registration early or opens it again.
     */
    public record EventPatch(String title, String discussionSlug, String start, String end, String venueName,
            String street, String postcode, String city, String description, String organisers, String contactEmail,
            String registrationDeadline, Integer capacity, Boolean registrationClosed) {
    }

    /** Body of a registration. */
    public record RegistrationRequest(String name, String email, String organisation, String fieldOfWork,
            String note, Boolean consent) {
    }

    /** Body of a request for an invitation to the forum. */
    public record InvitationRequestBody(String email) {
    }

    @GET
    @Path("/events")
    @Operation(summary = "All events, or those of one discussion (discussion=slug), earliest first")
    public List<EventView> list(@RestQuery String discussion) {
        return events.list(discussion == null || discussion.isBlank() ? null : discussion.trim());
    }

    @GET
    @Path("/events/{id}")
    @Operation(summary = "One event with its address, registration state and counts")
    public EventView get(@RestPath long id) {
        return events.get(id);
    }

    @POST
    @Path("/events")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("MODERATOR")
    @Operation(summary = "Create an event of a discussion (moderators and admins); registration needs a deadline")
    public Response create(EventRequest request) {
        EventRequest r = ProblemException.requireBody(request);
        EventView created = editor.create(new EventInput(r.title(), r.discussionSlug(), r.start(), r.end(),
                r.venueName(), r.street(), r.postcode(), r.city(), r.description(), r.organisers(),
                r.contactEmail(), r.registrationDeadline(), r.capacity()), currentUser.require());
        return Response.created(URI.create("/api/events/" + created.id())).entity(created).build();
    }

    @PATCH
    @Path("/events/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("MODERATOR")
    @Operation(summary = "Edit an event (moderators and admins); a larger capacity moves waiting people up")
    public EventView edit(@RestPath long id, EventPatch patch) {
        EventPatch p = ProblemException.requireBody(patch);
        EventView edited = editor.update(id, new EventInput(p.title(), p.discussionSlug(), p.start(), p.end(),
                p.venueName(), p.street(), p.postcode(), p.city(), p.description(), p.organisers(),
                p.contactEmail(), p.registrationDeadline(), p.capacity()), currentUser.require());
        if (p.registrationClosed() != null) {
            edited = editor.setRegistrationClosed(id, p.registrationClosed(), currentUser.require());
        }
        return edited;
    }

    @GET
    @Path("/events/{id}/calendar.ics")
    @Produces("text/calendar")
    @Operation(summary = "The event as an iCalendar file (times in Europe/Berlin); 409 when its stored date is "
            + "outside the years events may have")
    public Response calendar(@RestPath long id) {
        String ics = calendar.ics(events.require(id), events.now()).orElseThrow(() -> ProblemException.conflict(
                "start", EventService.text(EventMessages::problem_calendar_dates)));
        return Response.ok(ics.getBytes(StandardCharsets.UTF_8), "text/calendar; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"veranstaltung-" + id + ".ics\"").build();
    }

    @POST
    @Path("/events/{id}/registrations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register for an event, with or without an account: 201 CONFIRMED, or 202 WAITLISTED when "
            + "full; 409 with reason after the deadline or when closed")
    public Response register(@RestPath long id, RegistrationRequest request, @Context HttpServerRequest http) {
        RegistrationRequest r = ProblemException.requireBody(request);
        limiter.acquire(addressOf(http));
        RegistrationReceipt receipt = registrations.register(id, new RegistrationInput(r.name(), r.email(),
                r.organisation(), r.fieldOfWork(), r.note(), r.consent()), language.locale());
        int status = receipt.status() == Registration.Status.CONFIRMED ? 201 : 202;
        return Response.status(status).location(URI.create(receipt.cancelUrl())).entity(receipt).build();
    }

    @GET
    @Path("/registrations/{token}")
    @Operation(summary = "A registration by its personal token")
    public RegistrationReceipt registration(@RestPath String token, @Context HttpServerResponse http) {
        RegistrationReceipt receipt = registrations.byToken(token);
        EventPages.personal(http);
        return receipt;
    }

    @DELETE
    @Path("/registrations/{token}")
    @Operation(summary = "Cancel a registration by its personal token (again: no change); the first on the waiting "
            + "list moves up")
    public RegistrationReceipt cancel(@RestPath String token, @Context HttpServerResponse http) {
        RegistrationReceipt receipt = registrations.cancel(token);
        EventPages.personal(http);
        return receipt;
    }

    @GET
    @Path("/events/{id}/registrations")
    @RolesAllowed("MODERATOR")
    @Operation(summary = "An event's registrations in the order they came (moderators and admins)")
    public List<RegistrationView> registrations(@RestPath long id) {
        return registrations.list(id, currentUser.require(), language.locale());
    }

    @GET
    @Path("/events/{id}/registrations.csv")
    @Produces("text/csv")
    @RolesAllowed("MODERATOR")
    @Operation(summary = "An event's registrations as CSV (UTF-8 with BOM, semicolons)")
    public Response csv(@RestPath long id) {
        String csv = registrations.csv(id, currentUser.require(), language.locale());
        return Response.ok(csv.getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"anmeldungen-" + id + ".csv\"").build();
    }

    @PUT
    @Path("/events/{id}/registrations/{registrationId}/check-in")
    @RolesAllowed("MODERATOR")
    @Operation(summary = "Check a confirmed person in on the day")
    public RegistrationView checkIn(@RestPath long id, @RestPath long registrationId) {
        return registrations.setCheckedIn(ofEvent(id, registrationId), true, currentUser.require(), language.locale());
    }

    @DELETE
    @Path("/events/{id}/registrations/{registrationId}/check-in")
    @RolesAllowed("MODERATOR")
    @Operation(summary = "Take a check-in back")
    public RegistrationView checkOut(@RestPath long id, @RestPath long registrationId) {
        return registrations.setCheckedIn(ofEvent(id, registrationId), false, currentUser.require(),
                language.locale());
    }

    @POST
    @Path("/events/{id}/registrations/{registrationId}/invitation")
    @RolesAllowed("MODERATOR")
    @Operation(summary = "Invite a registered person to the forum (a single-use invitation link)")
    public RegistrationView invite(@RestPath long id, @RestPath long registrationId) {
        return registrations.invite(ofEvent(id, registrationId), currentUser.require(), language.locale());
    }

    @POST
    @Path("/discussions/{slug}/invitation-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask for an invitation as a registered person; 202 whether or not the address is registered")
    public Response requestInvitation(@RestPath String slug, InvitationRequestBody body,
            @Context HttpServerRequest http) {
        InvitationRequestBody b = ProblemException.requireBody(body);
        limiter.acquire(addressOf(http));
        registrations.requestInvitation(slug, b.email());
        return Response.accepted().build();
    }

    private static long ofEvent(long eventId, long registrationId) {
        Registration r = Registration.findById(registrationId);
        if (r == null || r.event.id != eventId) {
            throw ProblemException.notFound(EventService.text(EventMessages::problem_registration_unknown));
        }
        return registrationId;
    }

    static String addressOf(HttpServerRequest request) {
        SocketAddress remote = request == null ? null : request.remoteAddress();
        String host = remote == null ? null : remote.hostAddress();
        return host == null ? "unknown" : host;
    }
}
