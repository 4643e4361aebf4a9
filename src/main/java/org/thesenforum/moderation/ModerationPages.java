package org.thesenforum.moderation;

import java.net.URI;
import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
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
import org.thesenforum.account.Account;
import org.thesenforum.account.CurrentUser;
import org.thesenforum.comment.CommentService;
import org.thesenforum.comment.CommentView;
import org.thesenforum.demand.Demand;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.ReaderLanguage;
import org.thesenforum.web.Text;

/**
 * The pages of moderation: "Melden" for a comment or a demand, "Überprüfung erbitten" for the author of a hidden
 * comment, and the moderators' queue ("Meldungen") with its decisions. Forms that work without JavaScript.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ModerationPages {

    private final ReportService reports;
    private final CommentService comments;
    private final CurrentUser currentUser;
    private final ReaderLanguage language;

    ModerationPages(ReportService reports, CommentService comments, CurrentUser currentUser,
            ReaderLanguage language) {
        this.reports = reports;
        this.comments = comments;
        this.currentUser = currentUser;
        this.language = language;
    }

    /**
     * A report or review form: what it is about ({@code kind} comment, demand or review), the item as the reader sees
     * it, where it is, and the typed reason with the refusal after a failed post; {@code sent} after success.
     */
    public record ReportPage(String kind, String action, String title, String itemAuthor, String itemHtml,
            String itemText, String hiddenReason, String backUrl, String reason, String error, boolean sent) {
    }

    /** The queue, with a refusal or the confirmation of the last decision. */
    public record QueuePage(List<ReportView> reports, String error, boolean decided) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(ReportPage page);

        static native TemplateInstance queue(QueuePage page);
    }

    @GET
    @Path("comments/{id}/melden")
    @Authenticated
    public TemplateInstance reportCommentForm(@RestPath long id, @RestQuery("gesendet") String sent) {
        return Templates.report(commentPage("comment", id, null, null, sent != null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("comments/{id}/melden")
    @Authenticated
    public Response reportComment(@RestPath long id, @RestForm String reason) {
        try {
            reports.reportComment(id, reason, currentUser.require());
            return Response.seeOther(URI.create("/comments/" + id + "/melden?gesendet=1")).build();
        } catch (ProblemException e) {
            return refused(e, commentPage("comment", id, reason, e.message(language.locale()), false));
        }
    }

    @GET
    @Path("demands/{id}/melden")
    @Authenticated
    public TemplateInstance reportDemandForm(@RestPath long id, @RestQuery("gesendet") String sent) {
        return Templates.report(demandPage(id, null, null, sent != null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("demands/{id}/melden")
    @Authenticated
    public Response reportDemand(@RestPath long id, @RestForm String reason) {
        try {
            reports.reportDemand(id, reason, currentUser.require());
            return Response.seeOther(URI.create("/demands/" + id + "/melden?gesendet=1")).build();
        } catch (ProblemException e) {
            return refused(e, demandPage(id, reason, e.message(language.locale()), false));
        }
    }

    @GET
    @Path("comments/{id}/ueberpruefung")
    @Authenticated
    public TemplateInstance reviewForm(@RestPath long id, @RestQuery("gesendet") String sent) {
        return Templates.report(commentPage("review", id, null, null, sent != null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("comments/{id}/ueberpruefung")
    @Authenticated
    public Response requestReview(@RestPath long id, @RestForm String reason) {
        try {
            reports.requestReview(id, reason, currentUser.require());
            return Response.seeOther(URI.create("/comments/" + id + "/ueberpruefung?gesendet=1")).build();
        } catch (ProblemException e) {
            return refused(e, commentPage("review", id, reason, e.message(language.locale()), false));
        }
    }

    @GET
    @Path("moderation")
    @Authenticated
    public TemplateInstance queue(@RestQuery("erledigt") String decided) {
        return Templates.queue(new QueuePage(reports.queue(currentUser.require()), null, decided != null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("moderation/reports/{id}")
    @Authenticated
    public Response decide(@RestPath long id, @RestForm String action, @RestForm String reason) {
        Account moderator = currentUser.require();
        try {
            reports.decide(id, action(action), reason, moderator);
            return Response.seeOther(URI.create("/moderation?erledigt=1")).build();
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            QueuePage page = new QueuePage(reports.queue(moderator), e.message(language.locale()), false);
            return Response.status(e.status()).entity(Templates.queue(page)).build();
        }
    }

    private static ReportService.Action action(String value) {
        try {
            return value == null ? null : ReportService.Action.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Response refused(ProblemException e, ReportPage page) {
        if (e.status() == 404) {
            throw e;
        }
        Response.ResponseBuilder response = Response.status(e.status()).entity(Templates.report(page));
        e.headers().forEach(response::header);
        return response.build();
    }

    private ReportPage commentPage(String kind, long id, String reason, String error, boolean sent) {
        CommentView c = comments.get(id, currentUser.require());
        String title = kind.equals("review") ? text(language, ModerationMessages::review_title)
                : text(language, ModerationMessages::report_title_comment);
        String action = kind.equals("review") ? "/comments/" + id + "/ueberpruefung" : "/comments/" + id + "/melden";
        return new ReportPage(kind, action, title, c.deleted() ? null : c.author().displayName(), c.bodyHtml(), null,
                c.hiddenReason(), "/comments/" + id, reason, error, sent);
    }

    private ReportPage demandPage(long id, String reason, String error, boolean sent) {
        Demand d = Demand.findById(id);
        if (d == null) {
            throw ProblemException.notFound(Text.of(ModerationMessages.class,
                    ModerationMessages::problem_demand_not_found));
        }
        return new ReportPage("demand", "/demands/" + id + "/melden",
                text(language, ModerationMessages::report_title_demand),
                d.author == null ? null : d.author.shownName(language.locale()), null, d.title + "\n\n" + d.body, null,
                "/discussions/" + d.discussion.slug + "/demands#d" + d.id, reason, error, sent);
    }

    private static String text(ReaderLanguage language,
            java.util.function.Function<ModerationMessages, String> message) {
        return Text.of(ModerationMessages.class, message).in(language.locale());
    }
}
