package org.thesenforum.notification;

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
import org.thesenforum.web.Inputs;
import org.thesenforum.web.ReaderLanguage;

/**
 * The page "Benachrichtigungen": one's notifications, newest first; opening one marks it read on the way to its
 * target; "Alle als gelesen markieren"; and the topic page's follow switch. Every form works without JavaScript.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class NotificationPages {

    static final int PAGE_SIZE = 30;

    private final NotificationService notifications;
    private final TopicFollows follows;
    private final CurrentUser currentUser;
    private final ReaderLanguage language;

    NotificationPages(NotificationService notifications, TopicFollows follows, CurrentUser currentUser,
            ReaderLanguage language) {
        this.notifications = notifications;
        this.follows = follows;
        this.currentUser = currentUser;
        this.language = language;
    }

    /** What the page shows: a page of notifications and, when there are older ones, where they start. */
    public record Page(List<NotificationView> notifications, long unread, Long olderBefore) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page page);
    }

    /** The list; {@code vor} (a seq) shows the ones before it. */
    @GET
    @Path("notifications")
    public TemplateInstance list(@RestQuery("vor") String vor) {
        Account me = currentUser.require();
        Long before = Inputs.number(vor);
        List<NotificationView> shown = notifications.list(me.id, before != null && before > 0 ? before : null,
                PAGE_SIZE + 1, language.locale());
        Long older = shown.size() > PAGE_SIZE ? shown.get(PAGE_SIZE - 1).seq() : null;
        return Templates.list(new Page(shown.stream().limit(PAGE_SIZE).toList(), notifications.unread(me.id),
                older));
    }

    /** Marks the notification read and goes to what it is about. */
    @GET
    @Path("notifications/{seq}/open")
    public Response open(@RestPath long seq) {
        String target = notifications.open(currentUser.require().id, seq);
        return Response.seeOther(URI.create(target)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("notifications/read")
    public Response readAll() {
        notifications.markRead(currentUser.require().id, null, null);
        return Response.seeOther(URI.create("/notifications")).build();
    }

    /** The topic page's switch: {@code folgen} is {@code ja} or {@code nein}. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("topics/{id}/follow")
    public Response follow(@RestPath long id, @RestForm("folgen") String folgen) {
        follows.set(currentUser.require().id, id, !"nein".equals(folgen));
        return Response.seeOther(URI.create("/topics/" + id + "#follow")).build();
    }
}
