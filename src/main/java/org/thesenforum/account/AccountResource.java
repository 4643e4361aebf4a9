package org.thesenforum.account;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.thesenforum.account.AccountViews.AccountView;
import org.thesenforum.account.AccountViews.InvitationRequest;
import org.thesenforum.account.AccountViews.InvitationView;
import org.thesenforum.account.AccountViews.Registration;
import org.thesenforum.audit.AuditLog;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/** JSON API for accounts, invitations and the audit log. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class AccountResource {

    private final AccountService accounts;
    private final InvitationService invitations;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    AccountResource(AccountService accounts, InvitationService invitations, CurrentUser currentUser, AuditLog audit) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** Body of a role change. */
    public record RoleChange(Role role) {
    }

    /** Body of enabling or disabling an account. */
    public record EnabledChange(Boolean enabled) {
    }

    @POST
    @Path("/accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an account with an invitation code")
    public Response register(Registration registration) {
        AccountView created = accounts.register(ProblemException.requireBody(registration));
        return Response.created(URI.create("/api/accounts/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/accounts")
    @RolesAllowed("ADMIN")
    @Operation(summary = "All accounts (admins)")
    public List<AccountView> list() {
        return accounts.list();
    }

    @PUT
    @Path("/accounts/{id}/role")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ADMIN")
    @Operation(summary = "Change the role of an account (admins)")
    public AccountView changeRole(@RestPath long id, RoleChange change) {
        return accounts.changeRole(id, ProblemException.requireBody(change).role(), currentUser.require());
    }

    @PUT
    @Path("/accounts/{id}/enabled")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ADMIN")
    @Operation(summary = "Enable or disable an account (admins); disabling ends its sessions at once")
    public AccountView setEnabled(@RestPath long id, EnabledChange change) {
        Boolean enabled = ProblemException.requireBody(change).enabled();
        if (enabled == null) {
            throw ProblemException.invalid("enabled",
                    Text.of(AccountMessages.class, AccountMessages::problem_enabled_missing));
        }
        return accounts.setEnabled(id, enabled, currentUser.require());
    }

    @POST
    @Path("/invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("MODERATOR")
    @Operation(summary = "Create an invitation link (moderators and admins)")
    public Response invite(InvitationRequest request) {
        InvitationView created = invitations.create(request, currentUser.require());
        return Response.status(201).entity(created).build();
    }

    @GET
    @Path("/invitations")
    @RolesAllowed("MODERATOR")
    @Operation(summary = "The newest invitations (moderators and admins)")
    public List<InvitationView> listInvitations() {
        return invitations.newest(200);
    }

    @GET
    @Path("/audit")
    @RolesAllowed("ADMIN")
    @Operation(summary = "The newest moderator and admin actions (admins)")
    public List<AuditLog.AuditView> auditLog() {
        return audit.newest(500);
    }
}
