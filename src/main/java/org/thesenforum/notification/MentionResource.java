package org.thesenforum.notification;

import java.util.List;
import java.util.Locale;

import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.thesenforum.account.Account;
import org.thesenforum.account.CurrentUser;
import org.thesenforum.discussion.Discussion;
import org.thesenforum.web.ProblemException;

/** JSON API around notifications: names for @mention suggestions, and following a topic. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Notifications")
public class MentionResource {

    static final int MAX_PREFIX = 80;
    static final int MAX_NAMES = 8;

    private final CurrentUser currentUser;
    private final TopicFollows follows;

    MentionResource(CurrentUser currentUser, TopicFollows follows) {
        this.currentUser = currentUser;
        this.follows = follows;
    }

    /** Whether one follows a topic. */
    public record FollowView(long topicId, boolean following) {
    }

    @GET
    @Path("/discussions/{slug}/names")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Display names of active accounts that begin with prefix, for @mentions (at most 8)")
    public List<String> names(@RestPath String slug, @RestQuery String prefix) {
        currentUser.require();
        if (Discussion.findBySlug(slug).isEmpty()) {
            throw ProblemException.notFound(
                    NotificationResource.text(NotificationMessages::problem_discussion_unknown));
        }
        String p = prefix == null ? "" : prefix.strip();
        if (p.isEmpty() || p.length() > MAX_PREFIX || p.chars().anyMatch(Character::isISOControl)) {
            throw new ProblemException(400, "prefix", NotificationResource.text(NotificationMessages::problem_prefix));
        }
        String like = p.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return Account.<Account>find("lower(displayName) like ?1 escape '\\' and enabled = true order by displayName",
                like).page(0, MAX_NAMES).stream().map(a -> a.displayName).toList();
    }

    @GET
    @Path("/topics/{id}/follow")
    @Operation(summary = "Whether you follow the topic (new demands on it notify you)")
    public FollowView following(@RestPath long id) {
        return new FollowView(id, follows.follows(currentUser.require().id, follows.requireTopic(id)));
    }

    @PUT
    @Path("/topics/{id}/follow")
    @Operation(summary = "Follow a topic")
    public FollowView follow(@RestPath long id) {
        follows.set(currentUser.require().id, id, true);
        return new FollowView(id, true);
    }

    @DELETE
    @Path("/topics/{id}/follow")
    @Operation(summary = "Stop following a topic, also one followed because you wrote in it")
    public Response unfollow(@RestPath long id) {
        follows.set(currentUser.require().id, id, false);
        return Response.ok(new FollowView(id, false)).build();
    }
}
