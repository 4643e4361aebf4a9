package org.thesenforum.admin;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.thesenforum.account.CurrentUser;
import org.thesenforum.account.InvitationEntry;
import org.thesenforum.account.InvitationService;
import org.thesenforum.web.ForumConfig;

/** JSON API to take back an invitation link (moderators and admins). */
@Path("/api/invitations/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
@RolesAllowed("MODERATOR")
public class InvitationRevocationResource {

    private final InvitationService invitations;
    private final CurrentUser currentUser;
    private final ForumConfig config;

    InvitationRevocationResource(InvitationService invitations, CurrentUser currentUser, ForumConfig config) {
        this.invitations = invitations;
        this.currentUser = currentUser;
        this.config = config;
    }

    @DELETE
    @Operation(summary = "Revoke an invitation: it refuses registrations from now on (moderators and admins)")
    public InvitationEntry revoke(@RestPath long id, @Context HttpServerRequest request) {
        return invitations.revoke(id, currentUser.require(), AdminRequests.base(config, request));
    }

    @POST
    @Path("revoke")
    @Operation(summary = "Revoke an invitation, for clients that cannot send DELETE (moderators and admins)")
    public InvitationEntry revokeByPost(@RestPath long id, @Context HttpServerRequest request) {
        return revoke(id, request);
    }
}
