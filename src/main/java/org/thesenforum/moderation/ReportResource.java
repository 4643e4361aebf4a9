package org.thesenforum.moderation;

import java.net.URI;
import java.util.List;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.thesenforum.account.CurrentUser;
import org.thesenforum.web.ProblemException;

/** JSON API for reports, review requests and the moderators' queue. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Moderation")
public class ReportResource {

    private final ReportService reports;
    private final CurrentUser currentUser;

    ReportResource(ReportService reports, CurrentUser currentUser) {
        this.reports = reports;
        this.currentUser = currentUser;
    }

    /** Body of a report or a review request: why. */
    public record ReportRequest(String reason) {
    }

    /** Body of a decision: what to do, and for hiding optionally the reason the author reads. */
    public record DecisionRequest(ReportService.Action action, String reason) {
    }

    @POST
    @Path("/comments/{id}/reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Report a comment to the moderators")
    public Response reportComment(@RestPath long id, ReportRequest request) {
        ReportView report = reports.reportComment(id, ProblemException.requireBody(request).reason(),
                currentUser.require());
        return created(report);
    }

    @POST
    @Path("/demands/{id}/reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Report a demand to the moderators")
    public Response reportDemand(@RestPath long id, ReportRequest request) {
        ReportView report = reports.reportDemand(id, ProblemException.requireBody(request).reason(),
                currentUser.require());
        return created(report);
    }

    @POST
    @Path("/comments/{id}/review-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Ask the moderators to review your hidden comment")
    public Response requestReview(@RestPath long id, ReportRequest request) {
        ReportView review = reports.requestReview(id, ProblemException.requireBody(request).reason(),
                currentUser.require());
        return created(review);
    }

    @GET
    @Path("/discussions/{slug}/reports")
    @Authenticated
    @Operation(summary = "The open reports and review requests of a discussion, newest first (moderators)")
    public List<ReportView> queue(@RestPath String slug) {
        return reports.queue(slug, currentUser.require());
    }

    @POST
    @Path("/reports/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Decide a report (HIDE, DISMISS) or a review request (UNHIDE, KEEP_HIDDEN) (moderators)")
    public ReportView decide(@RestPath long id, DecisionRequest request) {
        DecisionRequest r = ProblemException.requireBody(request);
        return reports.decide(id, r.action(), r.reason(), currentUser.require());
    }

    private static Response created(ReportView report) {
        return Response.created(URI.create("/api/reports/" + report.id())).entity(report).build();
    }
}
