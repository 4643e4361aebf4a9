package org.thesenforum.admin;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.thesenforum.account.CurrentUser;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.ReaderLanguage;
import org.thesenforum.web.TemplateExtensions;

/** The admins' form for the texts of the Impressum and the privacy statement. */
@Path("/admin/texts")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("ADMIN")
public class SiteTextAdminPages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance texts(List<TextForm> forms, String done, String error, String errorPage);
    }

    /** One page's text as the form shows it. */
    public record TextForm(SitePage page, String body, String updated) {
    }

    private final SiteTexts texts;
    private final CurrentUser currentUser;
    private final ReaderLanguage reader;

    SiteTextAdminPages(SiteTexts texts, CurrentUser currentUser, ReaderLanguage reader) {
        this.texts = texts;
        this.currentUser = currentUser;
        this.reader = reader;
    }

    @GET
    public TemplateInstance edit(@RestQuery String done) {
        return Templates.texts(forms(null, null), "saved".equals(done) ? "saved" : "", null, null);
    }

    @POST
    @Path("{page}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response write(@RestPath String page, @RestForm String body) {
        SitePage which = SitePage.of(page).orElseThrow(NotFoundException::new);
        try {
            texts.write(which, body, currentUser.require());
            return Response.seeOther(URI.create("/admin/texts?done=saved#text-" + which.slug())).build();
        } catch (ProblemException e) {
            Response.ResponseBuilder builder = Response.fromResponse(AdminRequests.page(e.status(),
                    Templates.texts(forms(which, body), "", e.message(reader.locale()), which.slug())));
            e.headers().forEach(builder::header);
            return builder.build();
        }
    }

    /** The forms with the stored texts; a refused one keeps what was typed. */
    private List<TextForm> forms(SitePage refused, String typed) {
        return Arrays.stream(SitePage.values()).map(p -> p == refused ? new TextForm(p, typed == null ? "" : typed, "")
                : texts.text(p).map(t -> new TextForm(p, t.body, TemplateExtensions.shortDateTime(t.updatedAt)))
                        .orElseGet(() -> new TextForm(p, "", ""))).toList();
    }
}
