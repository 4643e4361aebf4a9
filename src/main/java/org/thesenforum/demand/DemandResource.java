package org.thesenforum.demand;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.thesenforum.account.CurrentUser;
import org.thesenforum.demand.DemandViews.DemandView;
import org.thesenforum.demand.DemandViews.VersionView;
import org.thesenforum.web.Inputs;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/** JSON API for demands: propose, read, edit, support, take a position, close and reopen voting. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Demands")
public class DemandResource {

    private final DemandService demands;
    private final DemandVotes votes;
    private final CurrentUser currentUser;

    DemandResource(DemandService demands, DemandVotes votes, CurrentUser currentUser) {
        this.demands = demands;
        this.votes = votes;
        this.currentUser = currentUser;
    }

    /** Body of a new demand. */
    public record DemandRequest(String title, String text, String rationale, List<Long> topicIds,
            Long originCommentId) {
    }

    /** Body of an edit; absent fields stay as they are. */
    public record DemandPatch(String title, String text, String rationale, List<Long> topicIds, String note) {
    }

    /** Body of a position: AGREE, DISAGREE or PASS, and with DISAGREE optionally a serious objection. */
    public record VoteRequest(String position, String objection) {
    }

    @GET
    @Path("/discussions/{slug}/demands")
    @Operation(summary = "The demands of a discussion: the joint demands in rank order, then the proposals "
            + "(sort=support|consensus|newest; filters topic and state=CARRIES|DIVIDES|OPEN)")
    public List<DemandView> list(@RestPath String slug, @RestQuery String sort, @RestQuery String topic,
            @RestQuery String state) {
        DemandService.Filter filter = new DemandService.Filter(
                parse("sort", sort, DemandService.Sort.class, DemandMessages::problem_sort_unknown),
                Inputs.optionalNumber("topic", topic, 1, Long.MAX_VALUE, null,
                        text(DemandMessages::problem_topic_filter)),
                parse("state", state, Consensus.State.class, DemandMessages::problem_state_unknown));
        return demands.list(slug, filter, currentUser.account().orElse(null));
    }

    @POST
    @Path("/discussions/{slug}/demands")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("EXPERT")
    @Operation(summary = "Propose a demand (wording 1), linked to topics of the discussion and optionally to the "
            + "comment it grew out of")
    public Response propose(@RestPath String slug, DemandRequest request) {
        DemandRequest r = ProblemException.requireBody(request);
        DemandView created = demands.propose(slug, new DemandService.NewDemand(r.title(), r.text(), r.rationale(),
                r.topicIds(), r.originCommentId()), currentUser.require());
        return Response.created(URI.create("/api/demands/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/demands/{id}")
    @Operation(summary = "One demand with its counts, consensus indicator, open objections and dissent notes")
    public DemandView get(@RestPath long id) {
        return demands.get(id, currentUser.account().orElse(null));
    }

    @PATCH
    @Path("/demands/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("EXPERT")
    @Operation(summary = "Edit a demand: a changed wording becomes a new numbered version (the author until it is "
            + "pinned, moderators always)")
    public DemandView edit(@RestPath long id, DemandPatch patch) {
        DemandPatch p = ProblemException.requireBody(patch);
        return DemandChecks.retried(() -> demands.edit(id, new DemandService.DemandEdit(p.title(), p.text(),
                p.rationale(), p.topicIds(), p.note()), currentUser.require()));
    }

    @GET
    @Path("/demands/{id}/versions")
    @Operation(summary = "All wordings of a demand, each with a word-level difference to the previous one")
    public List<VersionView> versions(@RestPath long id) {
        return demands.versions(id);
    }

    @PUT
    @Path("/demands/{id}/support")
    @RolesAllowed("EXPERT")
    @Operation(summary = "Support the current wording (idempotent; confirms a support given on an earlier wording)")
    public DemandView support(@RestPath long id) {
        return DemandChecks.retried(() -> votes.support(id, currentUser.require()));
    }

    @DELETE
    @Path("/demands/{id}/support")
    @RolesAllowed("EXPERT")
    @Operation(summary = "Withdraw your support (idempotent)")
    public DemandView withdrawSupport(@RestPath long id) {
        return DemandChecks.retried(() -> votes.withdrawSupport(id, currentUser.require()));
    }

    @PUT
    @Path("/demands/{id}/vote")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("EXPERT")
    @Operation(summary = "Take or change your position on the current wording (AGREE, DISAGREE or PASS; with "
            + "DISAGREE optionally a serious objection)")
    public DemandView vote(@RestPath long id, VoteRequest request) {
        VoteRequest r = ProblemException.requireBody(request);
        Position.Stance stance = parse("position", r.position(), Position.Stance.class,
                DemandMessages::problem_position_unknown);
        if (stance == null) {
            throw ProblemException.invalid("position", text(DemandMessages::problem_position_unknown));
        }
        return DemandChecks.retried(() -> votes.vote(id, stance, r.objection(), currentUser.require()));
    }

    @DELETE
    @Path("/demands/{id}/vote/objection")
    @RolesAllowed("EXPERT")
    @Operation(summary = "Withdraw your serious objection; your position stays")
    public DemandView withdrawObjection(@RestPath long id) {
        return DemandChecks.retried(() -> votes.withdrawObjection(id, currentUser.require()));
    }

    @POST
    @Path("/demands/{id}/voting/close")
    @RolesAllowed("MODERATOR")
    @Operation(summary = "Close voting: supports and positions are frozen and the result recorded (moderators)")
    public DemandView closeVoting(@RestPath long id) {
        return DemandChecks.retried(() -> votes.setVoting(id, false, currentUser.require()));
    }

    @POST
    @Path("/demands/{id}/voting/open")
    @RolesAllowed("MODERATOR")
    @Operation(summary = "Reopen voting (moderators)")
    public DemandView openVoting(@RestPath long id) {
        return DemandChecks.retried(() -> votes.setVoting(id, true, currentUser.require()));
    }

    private static <E extends Enum<E>> E parse(String field, String value, Class<E> type,
            java.util.function.Function<DemandMessages, String> refusal) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, text(refusal));
        }
    }

    private static Text text(java.util.function.Function<DemandMessages, String> message) {
        return Text.of(DemandMessages.class, message);
    }
}
