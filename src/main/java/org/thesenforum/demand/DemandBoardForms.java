package org.thesenforum.demand;

import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.vertx.core.http.HttpServerRequest;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.thesenforum.account.CurrentUser;
import org.thesenforum.demand.DemandForm.Kind;
import org.thesenforum.web.Messages;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.ReaderLanguage;
import org.thesenforum.web.Text;

/**
 * The moderators' forms of the demands page: pin at a rank, move a joint demand up or down (the keyboard's and
 * the no-script way to reorder; the page's script adds drag and drop through the JSON API), unpin, close or reopen
 * voting, merge and reject.
 */
@Path("/")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("MODERATOR")
public class DemandBoardForms {

    private final DemandBoard board;
    private final DemandMerger merger;
    private final DemandVotes votes;
    private final DemandPages pages;
    private final CurrentUser currentUser;
    private final ReaderLanguage reader;
    private final HttpServerRequest request;

    DemandBoardForms(DemandBoard board, DemandMerger merger, DemandVotes votes, DemandPages pages,
            CurrentUser currentUser, ReaderLanguage reader, HttpServerRequest request) {
        this.request = request;
        this.board = board;
        this.merger = merger;
        this.votes = votes;
        this.pages = pages;
        this.currentUser = currentUser;
        this.reader = reader;
    }

    /** {@code rank} empty pins at the end. */
    @POST
    @Path("demands/{id}/pin")
    public Response pin(@RestPath long id, @RestForm String rank) {
        return handle(id, Kind.PIN, rank, () -> {
            Long at = DemandPages.formNumber("rank", rank);
            return board.pin(id, at == null ? null : (int) Math.min(at, Integer.MAX_VALUE), currentUser.require());
        });
    }

    /** {@code direction} up or down moves a joint demand one rank; at the top or bottom nothing changes. */
    @POST
    @Path("demands/{id}/move")
    public Response move(@RestPath long id, @RestForm String direction) {
        return handle(id, Kind.MOVE, direction, () -> {
            Demand demand = DemandChecks.require(id);
            if (!"up".equals(direction) && !"down".equals(direction)) {
                throw ProblemException.invalid("direction", text(DemandPageMessages::problem_direction));
            }
            if (demand.status != Demand.Status.PINNED) {
                throw ProblemException.conflict(null, DemandBoard.text(BoardMessages::problem_not_pinned));
            }
            int last = Demand.listPinned(demand.discussion).size();
            int to = demand.pinRank + ("up".equals(direction) ? -1 : 1);
            return to < 1 || to > last ? null : board.pin(id, to, currentUser.require());
        });
    }

    @POST
    @Path("demands/{id}/unpin")
    public Response unpin(@RestPath long id) {
        return handle(id, Kind.UNPIN, null, () -> board.unpin(id, currentUser.require()));
    }

    /** {@code open} true reopens voting, false closes it; anything else is refused with 400 and changes nothing. */
    @POST
    @Path("demands/{id}/voting")
    public Response voting(@RestPath long id, @RestForm String open) {
        if (!"true".equals(open) && !"false".equals(open)) {
            // The form's buttons send one or the other; anything else changes nothing.
            throw new ProblemException(400, "open", Text.of(Messages.class, Messages::problem_bad_request));
        }
        return handle(id, Kind.VOTING, null, () -> votes.setVoting(id, "true".equals(open), currentUser.require()));
    }

    @POST
    @Path("demands/{id}/merge")
    public Response merge(@RestPath long id, @RestForm String into) {
        return handle(id, Kind.MERGE, into,
                () -> merger.merge(id, DemandPages.formNumber("into", into), currentUser.require()));
    }

    @POST
    @Path("demands/{id}/reject")
    public Response reject(@RestPath long id, @RestForm String reason) {
        return handle(id, Kind.REJECT, reason, () -> board.reject(id, reason, currentUser.require()));
    }

    private Response handle(long id, Kind kind, String typed, Supplier<Object> action) {
        String slug = DemandChecks.require(id).discussion.slug;
        try {
            // A write that lost a race on the discussion's lock (a deadlock the database resolved) runs again.
            DemandChecks.retried(action);
            return DemandForms.toDemand(slug, id, DemandPages.filterOf(request));
        } catch (ProblemException e) {
            if (e.status() != 409 && e.status() != 422) {
                throw e;
            }
            DemandForm refused = DemandForm.refused(kind, id, typed, e.message(reader.locale()));
            return pages.refused(slug, DemandPages.filterOf(request), refused, e);
        }
    }

    private static Text text(java.util.function.Function<DemandPageMessages, String> message) {
        return Text.of(DemandPageMessages.class, message);
    }
}
