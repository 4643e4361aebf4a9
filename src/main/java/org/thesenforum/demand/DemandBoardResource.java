package org.thesenforum.demand;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.thesenforum.account.CurrentUser;
import org.thesenforum.demand.BoardViews.BoardState;
import org.thesenforum.demand.BoardViews.DissentRequest;
import org.thesenforum.demand.BoardViews.MergeRequest;
import org.thesenforum.demand.BoardViews.OrderRequest;
import org.thesenforum.demand.BoardViews.PinRequest;
import org.thesenforum.demand.BoardViews.PinnedOrder;
import org.thesenforum.demand.BoardViews.RejectRequest;
import org.thesenforum.web.ProblemException;

/** JSON API for the joint demands' board: pin, unpin, reorder, merge, reject, dissent notes. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Demands")
public class DemandBoardResource {

    private final DemandBoard board;
    private final DemandMerger merger;
    private final CurrentUser currentUser;

    DemandBoardResource(DemandBoard board, DemandMerger merger, CurrentUser currentUser) {
        this.board = board;
        this.merger = merger;
        this.currentUser = currentUser;
    }

    @PUT
    @Path("/demands/{id}/pin")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("MODERATOR")
    @Operation(summary = "Pin a demand as a joint demand at a rank, or move a joint demand there; without a rank, "
            + "at the end (moderators)")
    public BoardState pin(@RestPath long id, PinRequest request) {
        Integer rank = request == null ? null : request.rank();
        return DemandChecks.retried(() -> board.pin(id, rank, currentUser.require()));
    }

    @DELETE
    @Path("/demands/{id}/pin")
    @RolesAllowed("MODERATOR")
    @Operation(summary = "Take a joint demand off the list, back to the proposals (moderators)")
    public BoardState unpin(@RestPath long id) {
        return DemandChecks.retried(() -> board.unpin(id, currentUser.require()));
    }

    @GET
    @Path("/discussions/{slug}/pinned")
    @Operation(summary = "The joint demands of a discussion in rank order, and the revision of that order")
    public PinnedOrder pinned(@RestPath String slug) {
        return board.pinned(slug);
    }

    @PUT
    @Path("/discussions/{slug}/pinned")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("MODERATOR")
    @Operation(summary = "Set the whole order of the joint demands; a stale revision gets 409 with the current order "
            + "and revision (moderators)")
    public PinnedOrder reorder(@RestPath String slug, OrderRequest request) {
        OrderRequest r = ProblemException.requireBody(request);
        return DemandChecks.retried(() -> board.reorder(slug, r.order(), r.revision(), currentUser.require()));
    }

    @POST
    @Path("/demands/{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("MODERATOR")
    @Operation(summary = "Merge a duplicate into another demand of the discussion; supports and positions carry "
            + "over, each account once (moderators)")
    public BoardState merge(@RestPath long id, MergeRequest request) {
        Long into = ProblemException.requireBody(request).into();
        return DemandChecks.retried(() -> merger.merge(id, into, currentUser.require()));
    }

    @POST
    @Path("/demands/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("MODERATOR")
    @Operation(summary = "Reject a demand with a reason (moderators)")
    public BoardState reject(@RestPath long id, RejectRequest request) {
        String reason = ProblemException.requireBody(request).reason();
        return DemandChecks.retried(() -> board.reject(id, reason, currentUser.require()));
    }

    @POST
    @Path("/demands/{id}/dissents")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("EXPERT")
    @Operation(summary = "Add a signed dissent note to a joint demand")
    public Response dissent(@RestPath long id, DissentRequest request) {
        String text = ProblemException.requireBody(request).text();
        BoardViews.DissentView created = DemandChecks.retried(() -> board.dissent(id, text, currentUser.require()));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }
}
