package org.thesenforum.event;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.thesenforum.account.CurrentUser;
import org.thesenforum.discussion.DiscussionService;
import org.thesenforum.event.EventPage.Detail;
import org.thesenforum.event.EventPage.EventForm;
import org.thesenforum.event.EventPage.Form;
import org.thesenforum.event.EventPage.Join;
import org.thesenforum.event.EventPage.Listing;
import org.thesenforum.event.EventViews.EventView;
import org.thesenforum.event.EventViews.RegistrationReceipt;
import org.thesenforum.event.EventViews.RegistrationView;
import org.thesenforum.web.ReaderLanguage;

/**
 * The event pages: the events of a discussion, an event with its registration form ({@code /veranstaltungen/{id}}),
 * the personal confirmation page ({@code /anmeldung/{token}}), the organisers' list and event form, and the join page
 * the projector's QR code leads to ({@code /discussions/{slug}/mitmachen}). Their forms are in {@link EventForms}.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class EventPages {

    private final EventService events;
    private final RegistrationService registrations;
    private final DiscussionService discussions;
    private final FieldsOfWork fields;
    private final CurrentUser currentUser;
    private final ReaderLanguage language;
    private final EventConfig config;

    EventPages(EventService events, RegistrationService registrations, DiscussionService discussions,
            FieldsOfWork fields, CurrentUser currentUser, ReaderLanguage language, EventConfig config) {
        this.events = events;
        this.registrations = registrations;
        this.discussions = discussions;
        this.fields = fields;
        this.currentUser = currentUser;
        this.language = language;
        this.config = config;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Listing page);

        static native TemplateInstance event(Detail page);

        static native TemplateInstance confirmation(RegistrationReceipt receipt, EventView event);

        static native TemplateInstance registrations(EventPage.Registrations page);

        static native TemplateInstance form(EventForm form, String discussionTitle);

        static native TemplateInstance join(Join page);
    }

    @GET
    @Path("discussions/{slug}/veranstaltungen")
    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateInstance list(@RestPath String slug) {
        String title = discussions.discussion(slug).title();
        return Templates.list(new Listing(slug, title, events.ofDiscussion(slug), organiser()));
    }

    @GET
    @Path("veranstaltungen/{id}")
    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateInstance event(@RestPath long id) {
        return detail(id, Form.EMPTY);
    }

    TemplateInstance detail(long id, Form form) {
        return Templates.event(new Detail(events.get(id), form, fields.fields(locale()), organiser(),
                privacy()));
    }

    @GET
    @Path("anmeldung/{token}")
    @Transactional(Transactional.TxType.SUPPORTS)
    public Response confirmation(@RestPath String token, @Context HttpServerResponse http) {
        RegistrationReceipt receipt = registrations.byToken(token);
        personal(http);
        return page(200, Templates.confirmation(receipt, events.get(receipt.eventId())));
    }

    /**
     * A response whose address holds a personal token: kept out of caches, and links on it pass no referrer, so
     * the token reaches neither other sites nor logs of pages it links to.
     */
    static void personal(HttpServerResponse response) {
        if (response != null) {
            response.headers().set("Cache-Control", "no-store").set("Referrer-Policy", "no-referrer");
        }
    }

    /** The page a honeypot-caught submission sees: like a confirmation, but nothing was stored. */
    TemplateInstance pretendConfirmation(long id, String name, String email) {
        EventView event = events.get(id);
        return Templates.confirmation(new RegistrationReceipt(id, event.title(), Registration.Status.CONFIRMED, name,
                email, 0, registrations.cancelUrl(Registrations.newToken())), event);
    }

    @GET
    @Path("veranstaltungen/{id}/anmeldungen")
    @RolesAllowed("MODERATOR")
    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateInstance registrations(@RestPath long id, @RestQuery String hinweis) {
        return registrationsPage(id, hinweis);
    }

    TemplateInstance registrationsPage(long id, String notice) {
        List<RegistrationView> all = registrations.list(id, currentUser.require(), locale());
        return Templates.registrations(new EventPage.Registrations(events.get(id),
                all.stream().filter(RegistrationView::isConfirmed).toList(),
                all.stream().filter(RegistrationView::isWaitlisted).toList(),
                all.stream().filter(RegistrationView::isCancelled).toList(), events.counts(id),
                events.byFieldOfWork(id, locale()), notice(notice)));
    }

    @GET
    @Path("veranstaltungen/neu")
    @RolesAllowed("MODERATOR")
    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateInstance create(@RestQuery String diskussion) {
        String slug = diskussion == null ? "" : diskussion;
        String title = discussions.discussion(slug).title();
        return Templates.form(new EventForm(null, slug, "", "", "", "", "", "", "", "", "", "", "", "", "", null,
                null), title);
    }

    @GET
    @Path("veranstaltungen/{id}/bearbeiten")
    @RolesAllowed("MODERATOR")
    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateInstance edit(@RestPath long id) {
        EventView e = events.get(id);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
        String deadline = e.registrationDeadline() == null ? ""
                : e.registrationDeadline().atZoneSameInstant(EventTimes.BERLIN).minusNanos(1).toLocalDate()
                        .toString();
        return Templates.form(new EventForm(e.id(), e.discussionSlug(), e.title(), e.date().toString(),
                e.start() == null ? "" : time.format(e.start().atZoneSameInstant(EventTimes.BERLIN)),
                e.end() == null ? "" : time.format(e.end().atZoneSameInstant(EventTimes.BERLIN)),
                nz(e.venueName()), nz(e.street()), nz(e.postcode()), nz(e.city()), nz(e.description()),
                nz(e.organisers()), nz(e.contactEmail()), deadline,
                e.capacity() == null ? "" : String.valueOf(e.capacity()), null, null), e.discussionTitle());
    }

    @GET
    @Path("discussions/{slug}/mitmachen")
    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateInstance join(@RestPath String slug) {
        return joinPage(slug, "", false, null);
    }

    TemplateInstance joinPage(String slug, String email, boolean requested, String error) {
        String title = discussions.discussion(slug).title();
        return Templates.join(new Join(slug, title, events.ofDiscussion(slug), email, requested, error));
    }

    /** The slug of the event's discussion; 404 for an unknown event. */
    String eventSlug(long id) {
        return events.get(id).discussionSlug();
    }

    static Response page(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }

    private String notice(String key) {
        EventMessages m = EventService.bundle(locale());
        if (key == null) {
            return null;
        }
        return switch (key) {
            case "geschlossen" -> m.organiser_notice_closed();
            case "geoeffnet" -> m.organiser_notice_reopened();
            case "eingeladen" -> m.organiser_notice_invited();
            case "gespeichert" -> m.organiser_notice_saved();
            default -> null;
        };
    }

    private String privacy() {
        return EventService.bundle(locale()).privacy_text(config.retention().toDays());
    }

    private boolean organiser() {
        return currentUser.isModerator();
    }

    private Locale locale() {
        return language.locale();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
