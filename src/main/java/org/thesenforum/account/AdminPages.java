package org.thesenforum.account;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.thesenforum.account.AccountViews.AccountView;
import org.thesenforum.account.AccountViews.InvitationRequest;
import org.thesenforum.account.AccountViews.InvitationView;
import org.thesenforum.account.LoginPages.FormError;
import org.thesenforum.audit.AuditLog;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.ReaderLanguage;

/** HTML pages for moderators (invitations) and admins (accounts, audit log, paper import). */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("MODERATOR")
public class AdminPages {

    static final int RECENT_INVITATIONS = 50;
    static final int AUDIT_ENTRIES = 200;
    private static final Set<String> INVITATION_FIELDS = Set.of("maxUses", "validDays", "note");
    private static final Set<String> DONE = Set.of("role", "enabled", "disabled");

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance index(AdminView view);
    }

    /** Everything the admin page shows; the account and audit parts stay empty for moderators. */
    public record AdminView(boolean admin, long selfId, InvitationForm form, FormError error, InvitationRow created,
            List<InvitationRow> invitations, List<AccountView> accounts, List<Role> roles, List<AuditRow> audit,
            String done) {
    }

    /** The invitation form as typed, so that a refused entry can be corrected. */
    public record InvitationForm(String maxUses, String validDays, String note) {

        static final InvitationForm DEFAULTS = new InvitationForm("1", "30", "");
    }

    /** One invitation as listed, with its times already formatted. */
    public record InvitationRow(long id, String code, String url, int uses, int maxUses, String expires,
            String expiresIso, boolean expired, String note, String createdBy, String created, String createdIso) {

        static InvitationRow of(InvitationView v, Instant now) {
            return new InvitationRow(v.id(), v.code(), v.url(), v.uses(), v.maxUses(),
                    LoginPages.dateTime(v.expiresAt()), iso(v.expiresAt()),
                    v.expiresAt() != null && !now.isBefore(v.expiresAt()), Objects.requireNonNullElse(v.note(), ""),
                    v.createdBy(), LoginPages.dateTime(v.createdAt()), iso(v.createdAt()));
        }

        public boolean usedUp() {
            return uses >= maxUses;
        }
    }

    /** One audit entry as listed. */
    public record AuditRow(String time, String timeIso, String actor, String action, String target, String detail) {

        static AuditRow of(AuditLog.AuditView v) {
            String id = v.targetId() == null ? "" : " " + v.targetId();
            String target = v.targetType() == null ? "" : v.targetType() + id;
            return new AuditRow(LoginPages.dateTime(v.createdAt()), iso(v.createdAt()), v.actorName(), v.action(),
                    target, Objects.requireNonNullElse(v.detail(), ""));
        }
    }

    private final AccountService accounts;
    private final InvitationService invitations;
    private final AuditLog audit;
    private final CurrentUser currentUser;
    private final ReaderLanguage reader;

    AdminPages(AccountService accounts, InvitationService invitations, AuditLog audit, CurrentUser currentUser,
            ReaderLanguage reader) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.audit = audit;
        this.currentUser = currentUser;
        this.reader = reader;
    }

    @GET
    public TemplateInstance index(@RestQuery Long created, @RestQuery String done) {
        return Templates.index(view(InvitationForm.DEFAULTS, FormError.NONE, created, done));
    }

    @POST
    @Path("invitations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(@RestForm String maxUses, @RestForm String validDays, @RestForm String note) {
        InvitationForm form = new InvitationForm(Objects.requireNonNullElse(maxUses, ""),
                Objects.requireNonNullElse(validDays, ""), Objects.requireNonNullElse(note, ""));
        try {
            InvitationView created = invitations.create(
                    new InvitationRequest(number(maxUses), number(validDays), note), currentUser.require());
            return Response.seeOther(URI.create("/admin?created=" + created.id() + "#created")).build();
        } catch (ProblemException e) {
            return refused(e, form, FormError.of(e, INVITATION_FIELDS, reader.locale()));
        }
    }

    @POST
    @Path("accounts/{id}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("ADMIN")
    public Response changeRole(@RestPath long id, @RestForm String role) {
        try {
            accounts.changeRole(id, role(role), currentUser.require());
            return Response.seeOther(URI.create("/admin?done=role#accounts")).build();
        } catch (ProblemException e) {
            return refused(e, InvitationForm.DEFAULTS, new FormError(null, e.message(reader.locale())));
        }
    }

    @POST
    @Path("accounts/{id}/enabled")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("ADMIN")
    public Response setEnabled(@RestPath long id, @RestForm String enabled) {
        if (!"true".equals(enabled) && !"false".equals(enabled)) {
            throw new BadRequestException();
        }
        boolean enable = Boolean.parseBoolean(enabled);
        try {
            accounts.setEnabled(id, enable, currentUser.require());
            return Response.seeOther(URI.create("/admin?done=" + (enable ? "enabled" : "disabled") + "#accounts"))
                    .build();
        } catch (ProblemException e) {
            return refused(e, InvitationForm.DEFAULTS, new FormError(null, e.message(reader.locale())));
        }
    }

    private AdminView view(InvitationForm form, FormError error, Long createdId, String done) {
        Account self = currentUser.require();
        boolean admin = self.role.atLeast(Role.ADMIN);
        Instant now = Instant.now();
        List<InvitationRow> recent = invitations.newest(RECENT_INVITATIONS).stream()
                .map(v -> InvitationRow.of(v, now)).toList();
        InvitationRow created = createdId == null ? null
                : recent.stream().filter(r -> r.id() == createdId).findFirst().orElse(null);
        return new AdminView(admin, self.id, form, error, created, recent,
                admin ? accounts.list() : List.of(), Arrays.asList(Role.values()),
                admin ? audit.newest(AUDIT_ENTRIES).stream().map(AuditRow::of).toList() : List.of(),
                done != null && DONE.contains(done) ? done : "");
    }

    private Response refused(ProblemException e, InvitationForm form, FormError error) {
        Response.ResponseBuilder builder = LoginPages.page(e.status(), Templates.index(view(form, error, null, null)));
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

    /** An unknown role is passed on as none, which the service refuses with a message. */
    private static Role role(String value) {
        return Arrays.stream(Role.values()).filter(r -> r.name().equals(value)).findFirst().orElse(null);
    }

    private static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
