package org.thesenforum.admin;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.thesenforum.account.Account;
import org.thesenforum.account.AccountViews.InvitationRequest;
import org.thesenforum.account.AccountViews.InvitationView;
import org.thesenforum.account.CurrentUser;
import org.thesenforum.account.InvitationEntry;
import org.thesenforum.account.InvitationService;
import org.thesenforum.account.LoginPages.FormError;
import org.thesenforum.account.Role;
import org.thesenforum.web.ForumConfig;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.ReaderLanguage;
import org.thesenforum.web.TemplateExtensions;

/**
 * The start of the admin area: invitation links for moderators and admins (create, copy, revoke), and for admins the
 * way to the accounts, the audit log, the legal pages and the paper import.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("MODERATOR")
public class AdminPages {

    static final int RECENT_INVITATIONS = 50;
    private static final Set<String> INVITATION_FIELDS = Set.of("maxUses", "validDays", "note");
    private static final Set<String> DONE = Set.of("revoked");

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance index(AdminView view);
    }

    /** Everything the start page shows. */
    public record AdminView(boolean admin, InvitationForm form, FormError error, InvitationRow created,
            List<InvitationRow> invitations, String configuredBase, String addressInUse, String done) {
    }

    /** The invitation form as typed, so that a refused entry can be corrected. */
    public record InvitationForm(String maxUses, String validDays, String note) {

        static final InvitationForm DEFAULTS = new InvitationForm("1", "30", "");
    }

    /** One invitation as listed, with its times already formatted for Berlin. */
    public record InvitationRow(long id, String code, String url, int uses, int maxUses, String expires,
            String expiresIso, String status, String note, String createdBy, String created, String createdIso) {

        static InvitationRow of(InvitationEntry e) {
            return new InvitationRow(e.id(), e.code(), e.url(), e.uses(), e.maxUses(),
                    TemplateExtensions.shortDateTime(e.expiresAt()), iso(e.expiresAt()), e.status().name(),
                    Objects.requireNonNullElse(e.note(), ""), e.createdBy(),
                    TemplateExtensions.shortDateTime(e.createdAt()), iso(e.createdAt()));
        }

        /** The state as a class name for the card ({@code used-up}, not {@code USED_UP}). */
        public String statusClass() {
            return status.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /** Whether the link still lets people register, so it is worth copying and revoking. */
        public boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    private final InvitationService invitations;
    private final CurrentUser currentUser;
    private final ReaderLanguage reader;
    private final ForumConfig config;

    AdminPages(InvitationService invitations, CurrentUser currentUser, ReaderLanguage reader, ForumConfig config) {
        this.invitations = invitations;
        this.currentUser = currentUser;
        this.reader = reader;
        this.config = config;
    }

    @GET
    public TemplateInstance index(@RestQuery Long created, @RestQuery String done, @Context HttpServerRequest request) {
        return Templates.index(view(InvitationForm.DEFAULTS, FormError.NONE, created, done, request));
    }

    @POST
    @Path("invitations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(@RestForm String maxUses, @RestForm String validDays, @RestForm String note,
            @Context HttpServerRequest request) {
        InvitationForm form = new InvitationForm(Objects.requireNonNullElse(maxUses, ""),
                Objects.requireNonNullElse(validDays, ""), Objects.requireNonNullElse(note, ""));
        try {
            InvitationView created = invitations.create(
                    new InvitationRequest(number(maxUses), number(validDays), note), currentUser.require());
            return Response.seeOther(URI.create("/admin?created=" + created.id() + "#created")).build();
        } catch (ProblemException e) {
            boolean known = e.field() != null && INVITATION_FIELDS.contains(e.field());
            FormError error = new FormError(known ? e.field() : null, e.message(reader.locale()));
            return refused(e, view(form, error, null, null, request));
        }
    }

    /** "Widerrufen": the link refuses registrations from now on. */
    @POST
    @Path("invitations/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@RestPath long id, @Context HttpServerRequest request) {
        invitations.revoke(id, currentUser.require(), AdminRequests.base(config, request));
        return Response.seeOther(URI.create("/admin?done=revoked#invitation-" + id)).build();
    }

    private AdminView view(InvitationForm form, FormError error, Long createdId, String done,
            HttpServerRequest request) {
        Account self = currentUser.require();
        List<InvitationRow> recent = invitations.newest(RECENT_INVITATIONS, AdminRequests.base(config, request))
                .stream().map(InvitationRow::of).toList();
        InvitationRow created = createdId == null ? null
                : recent.stream().filter(r -> r.id() == createdId).findFirst().orElse(null);
        return new AdminView(self.role.atLeast(Role.ADMIN), form, error, created, recent,
                AdminRequests.mismatch(config, request), AdminRequests.addressInUse(request),
                done != null && DONE.contains(done) ? done : "");
    }

    private static Response refused(ProblemException e, AdminView view) {
        Response.ResponseBuilder builder = Response.fromResponse(AdminRequests.page(e.status(), Templates.index(view)));
        e.headers().forEach(builder::header);
        return builder.build();
    }

    /** Blank means "use the default"; anything that is not a whole number is passed on as out of range. */
    private static Integer number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String iso(java.time.Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
