package org.thesenforum.demand;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.ReaderLanguage;

/**
 * The experts' forms of the demands page, for browsers with and without JavaScript: propose, change the wording,
 * support, take a position, withdraw an objection, add a dissent note. Success returns to the demand on the page; a
 * refusal the reader can fix shows the page again with the message next to the form and the typed text in it.
 */
@Path("/")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.TEXT_HTML)
public class DemandForms {

    private final DemandService demands;
    private final DemandVotes votes;
    private final DemandBoard board;
    private final DemandPages pages;
    private final CurrentUser currentUser;
    private final ReaderLanguage reader;
    private final HttpServerRequest request;

    DemandForms(DemandService demands, DemandVotes votes, DemandBoard board, DemandPages pages,
            CurrentUser currentUser, ReaderLanguage reader, HttpServerRequest request) {
        this.request = request;
        this.demands = demands;
        this.votes = votes;
        this.board = board;
        this.pages = pages;
        this.currentUser = currentUser;
        this.reader = reader;
    }

    @POST
    @Path("discussions/{slug}/demands")
    @RolesAllowed("EXPERT")
    public Response propose(@RestPath String slug, @RestForm String title, @RestForm String text,
            @RestForm String rationale, @RestForm List<String> topicIds, @RestForm String originCommentId) {
        List<Long> topics = new ArrayList<>();
        DemandForm form = new DemandForm(Kind.PROPOSE, null, title, text, rationale, topics, null, null, null,
                null);
        try {
            for (String id : topicIds == null ? List.<String>of() : topicIds) {
                Long topic = DemandPages.formNumber("topicIds", id);
                if (topic != null) {
                    topics.add(topic);
                }
            }
            Long origin = DemandPages.formNumber("originCommentId", originCommentId);
            form = new DemandForm(Kind.PROPOSE, null, title, text, rationale, topics, origin, null, null,
                    null);
            long id = demands.propose(slug, new DemandService.NewDemand(title, text, rationale, topics, origin),
                    currentUser.require()).id();
            return toDemand(slug, id, DemandPages.filterOf(request));
        } catch (ProblemException e) {
            return refusedOrThrow(slug, form, e);
        }
    }

    @POST
    @Path("demands/{id}/edit")
    @RolesAllowed("EXPERT")
    public Response edit(@RestPath long id, @RestForm String title, @RestForm String text,
            @RestForm String rationale, @RestForm String note) {
        DemandForm form = new DemandForm(Kind.EDIT, id, title, text, rationale, List.of(), null, note, null,
                null);
        return handle(id, form, () -> demands.edit(id, new DemandService.DemandEdit(title, text,
                rationale == null ? "" : rationale, null, note), currentUser.require()));
    }

    /** {@code support=on} supports (or confirms on the current wording), {@code off} withdraws. */
    @POST
    @Path("demands/{id}/support")
    @RolesAllowed("EXPERT")
    public Response support(@RestPath long id, @RestForm String support) {
        boolean withdraw = "off".equals(support);
        return handle(id, DemandForm.refused(Kind.SUPPORT, id, null, null), () -> DemandChecks.retried(
                () -> withdraw ? votes.withdrawSupport(id, currentUser.require())
                        : votes.support(id, currentUser.require())));
    }

    @POST
    @Path("demands/{id}/vote")
    @RolesAllowed("EXPERT")
    public Response vote(@RestPath long id, @RestForm String position, @RestForm String objection) {
        // The objection is one sentence ("tragbar, wenn …"); a line break typed into its box on a phone is a space.
        String typed = objection == null || objection.isBlank() ? null
                : objection.replaceAll("\\R+", " ").strip();
        DemandForm form = new DemandForm(Kind.VOTE, id, null, null, null, List.of(), null, objection, null,
                position == null ? null : position.strip().toUpperCase(java.util.Locale.ROOT));
        return handle(id, form, () -> {
            Position.Stance stance = DemandChecks.stance(position);
            return DemandChecks.retried(() -> votes.vote(id, stance, typed, currentUser.require()));
        });
    }

    @POST
    @Path("demands/{id}/objection/withdraw")
    @RolesAllowed("EXPERT")
    public Response withdrawObjection(@RestPath long id) {
        return handle(id, DemandForm.refused(Kind.OBJECTION, id, null, null),
                () -> votes.withdrawObjection(id, currentUser.require()));
    }

    @POST
    @Path("demands/{id}/dissents")
    @RolesAllowed("EXPERT")
    public Response dissent(@RestPath long id, @RestForm String text) {
        return handle(id, DemandForm.refused(Kind.DISSENT, id, text, null), () -> {
            board.dissent(id, text, currentUser.require());
            return null;
        });
    }

    /** Runs a form's action on demand {@code id}; back to the demand, or the page with the refusal. */
    private Response handle(long id, DemandForm form, Supplier<Object> action) {
        String slug = DemandChecks.require(id).discussion.slug;
        try {
            // A write that lost a race on the discussion's lock (a deadlock the database resolved) runs again.
            DemandChecks.retried(action);
            return toDemand(slug, id, DemandPages.filterOf(request));
        } catch (ProblemException e) {
            return refusedOrThrow(slug, form, e);
        }
    }

    private Response refusedOrThrow(String slug, DemandForm form, ProblemException e) {
        if (e.status() != 400 && e.status() != 403 && e.status() != 409 && e.status() != 422 && e.status() != 429) {
            throw e;
        }
        DemandForm refused = new DemandForm(form.kind(), form.demandId(), form.title(), form.text(),
                form.rationale(), form.topicIds(), form.originCommentId(), form.extra(), e.message(reader.locale()),
                form.choice());
        return pages.refused(slug, DemandPages.filterOf(request), refused, e);
    }

    /** Back to the demand on the page, sorted and filtered as it was. */
    static Response toDemand(String slug, long id, DemandPage.Filter filter) {
        return Response.seeOther(URI.create("/discussions/" + slug + "/demands" + filter.query() + "#d" + id))
                .build();
    }
}
