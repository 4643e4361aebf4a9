package org.thesenforum.discussion;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.thesenforum.account.CurrentUser;
import org.thesenforum.discussion.DiscussionViews.DiscussionSummary;
import org.thesenforum.discussion.DiscussionViews.DiscussionView;
import org.thesenforum.discussion.DiscussionViews.TopicView;

/** JSON API for discussions and topics. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Discussions")
public class DiscussionResource {

    private final DiscussionService discussions;
    private final CurrentUser currentUser;

    DiscussionResource(DiscussionService discussions, CurrentUser currentUser) {
        this.discussions = discussions;
        this.currentUser = currentUser;
    }

    @GET
    @Path("/discussions")
    @Operation(summary = "All discussions, newest first, with comment counts")
    public List<DiscussionSummary> list() {
        return discussions.list();
    }

    @GET
    @Path("/discussions/{slug}")
    @Operation(summary = "A discussion with its topics and guiding questions")
    public DiscussionView discussion(@RestPath String slug) {
        return discussions.discussion(slug);
    }

    @PUT
    @Path("/discussions/{slug}/archive")
    @RolesAllowed("MODERATOR")
    @Operation(summary = "Close a discussion to new posts: a read-only archive, reopenable (moderators)")
    public DiscussionView archive(@RestPath String slug) {
        return discussions.setArchived(slug, true, currentUser.require());
    }

    @DELETE
    @Path("/discussions/{slug}/archive")
    @RolesAllowed("MODERATOR")
    @Operation(summary = "Reopen an archived discussion (moderators)")
    public DiscussionView reopen(@RestPath String slug) {
        return discussions.setArchived(slug, false, currentUser.require());
    }

    @GET
    @Path("/topics/{id}")
    @Operation(summary = "A thesis or approach with its full text")
    public TopicView topic(@RestPath long id) {
        return discussions.topic(id);
    }

    @POST
    @Path("/topics/{id}/lock")
    @RolesAllowed("MODERATOR")
    @Operation(summary = "Lock a topic: no new comments (moderators)")
    public TopicView lock(@RestPath long id) {
        return discussions.setLocked(id, true, currentUser.require());
    }

    @POST
    @Path("/topics/{id}/unlock")
    @RolesAllowed("MODERATOR")
    @Operation(summary = "Unlock a topic (moderators)")
    public TopicView unlock(@RestPath long id) {
        return discussions.setLocked(id, false, currentUser.require());
    }
}
