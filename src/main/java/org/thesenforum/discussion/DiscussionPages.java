package org.thesenforum.discussion;

import java.net.URI;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.arc.All;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.thesenforum.account.CurrentUser;
import org.thesenforum.discussion.DiscussionViews.DiscussionSummary;
import org.thesenforum.discussion.DiscussionViews.DiscussionView;
import org.thesenforum.web.ReaderLanguage;

/**
 * HTML pages for reading a discussion: the overview and the list of discussions, the moderators' lock and unlock
 * of a topic, and their closing (archiving) and reopening of a discussion. The topic page with its thread belongs to the thread's feature ({@code comment.TopicPages}).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DiscussionPages {

    private final DiscussionService discussions;
    private final CurrentUser currentUser;
    private final List<DiscussionSection> sections;
    private final ReaderLanguage language;
    private final List<UnreadCounts> unreadCounts;

    DiscussionPages(DiscussionService discussions, CurrentUser currentUser, @All List<DiscussionSection> sections,
            ReaderLanguage language, @All List<UnreadCounts> unreadCounts) {
        this.discussions = discussions;
        this.currentUser = currentUser;
        this.sections = sections;
        this.language = language;
        this.unreadCounts = unreadCounts;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<DiscussionSummary> discussions);

        static native TemplateInstance discussion(DiscussionView discussion, List<String> sections,
                Map<Long, Long> unread);

    }

    @GET
    public TemplateInstance index() {
        List<DiscussionSummary> all = discussions.list();
        if (all.size() == 1) {
            return overview(discussions.discussion(all.get(0).slug()));
        }
        return Templates.index(all);
    }

    @GET
    @Path("discussions/{slug}")
    public TemplateInstance discussion(@RestPath String slug) {
        return overview(discussions.discussion(slug));
    }

    @POST
    @Path("topics/{id}/lock")
    @RolesAllowed("MODERATOR")
    public Response lock(@RestPath long id) {
        discussions.setLocked(id, true, currentUser.require());
        return Response.seeOther(URI.create("/topics/" + id)).build();
    }

    @POST
    @Path("topics/{id}/unlock")
    @RolesAllowed("MODERATOR")
    public Response unlock(@RestPath long id) {
        discussions.setLocked(id, false, currentUser.require());
        return Response.seeOther(URI.create("/topics/" + id)).build();
    }

    @POST
    @Path("discussions/{slug}/archive")
    @RolesAllowed("MODERATOR")
    public Response archive(@RestPath String slug) {
        discussions.setArchived(slug, true, currentUser.require());
        return Response.seeOther(URI.create("/discussions/" + slug)).build();
    }

    @POST
    @Path("discussions/{slug}/reopen")
    @RolesAllowed("MODERATOR")
    public Response reopen(@RestPath String slug) {
        discussions.setArchived(slug, false, currentUser.require());
        return Response.seeOther(URI.create("/discussions/" + slug)).build();
    }

    /** The overview with what the features above this one show on it (the {@link DiscussionSection} outlet). */
    private TemplateInstance overview(DiscussionView discussion) {
        List<String> blocks = sections.stream().sorted(Comparator.comparingInt(DiscussionSection::order))
                .flatMap(s -> s.render(discussion, language.locale()).stream()).toList();
        return Templates.discussion(discussion, blocks, unread(discussion));
    }

    /** What is new to the signed-in reader per topic (the {@link UnreadCounts} outlet); nothing for anonymous ones. */
    private Map<Long, Long> unread(DiscussionView discussion) {
        Map<Long, Long> unread = new HashMap<>();
        currentUser.account().ifPresent(reader -> {
            long discussionId = Discussion.findBySlug(discussion.slug()).orElseThrow().id;
            unreadCounts.forEach(u -> u.byTopic(discussionId, reader.id).forEach((t, n) -> unread.merge(t, n,
                    Long::sum)));
        });
        return unread;
    }
}
