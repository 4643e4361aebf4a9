package org.thesenforum.live;

import java.util.Optional;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.thesenforum.journal.Journal;
import org.thesenforum.web.AccessFilters;
import org.thesenforum.web.ForumConfig;
import org.thesenforum.web.SessionEnded;

/**
 * Decides before the WebSocket handshake: 403 for another site's page, 404 for an unknown discussion, 401 for
 * anonymous readers when reading is for members only; remembers the discussion, whether the reader moderates and
 * whose session the socket belongs to.
 */
@ApplicationScoped
public class LiveUpgradeCheck implements HttpUpgradeCheck {

    private final ForumConfig config;
    private final Lookup lookup;

    LiveUpgradeCheck(ForumConfig config, Lookup lookup) {
        this.config = config;
        this.lookup = lookup;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String origin = context.httpRequest().getHeader("Origin");
        if (!AccessFilters.sameOrigin(origin, context.httpRequest().getHeader("Host"))
                && !AccessFilters.sameOrigin(origin, AccessFilters.publicHost(config))) {
            // Another site's page must not read the stream with this reader's cookie.
            return CheckResult.rejectUpgrade(403);
        }
        String slug = context.pathParam("slug");
        Uni<CheckResult> result = Uni.createFrom().item(() -> lookup.discussionId(slug))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(id -> id.isEmpty() ? CheckResult.rejectUpgrade(404)
                        : context.securityIdentity().flatMap(identity -> decide(context, id.get(), identity)));
        return backOnTheRequestsLoop(result);
    }

    /**
     * The upgrade that follows a permit runs on the thread that delivers it. On a worker thread the handshake is
     * answered before the endpoint's message handlers are installed, and a frame the client sends at once (its
     * "viewing" or "ack") is lost in between; on the request's event loop the two happen in one step.
     */
    private static Uni<CheckResult> backOnTheRequestsLoop(Uni<CheckResult> result) {
        Context requests = Vertx.currentContext();
        return requests == null ? result : result.emitOn(step -> requests.runOnContext(ignored -> step.run()));
    }

    private Uni<CheckResult> decide(HttpUpgradeContext context, long discussionId, SecurityIdentity identity) {
        boolean anonymous = identity == null || identity.isAnonymous();
        if (anonymous && config.readAccess() == ForumConfig.ReadAccess.MEMBERS) {
            return CheckResult.rejectUpgrade(401);
        }
        context.userData().put(LiveSocket.DISCUSSION, discussionId);
        context.userData().put(LiveSocket.MODERATOR, !anonymous && identity.hasRole("MODERATOR"));
        if (!anonymous && identity.getAttribute(SessionEnded.ACCOUNT_ID) != null) {
            // Whose session this is, so that ending it closes this socket too.
            context.userData().put(LiveSocket.ACCOUNT, identity.<Long>getAttribute(SessionEnded.ACCOUNT_ID));
            context.userData().put(LiveSocket.MARK, identity.<Long>getAttribute(SessionEnded.MARK));
            Long session = identity.getAttribute(SessionEnded.SESSION_ID);
            if (session != null) {
                context.userData().put(LiveSocket.SESSION, session);
                Long expires = identity.getAttribute(SessionEnded.EXPIRES_AT);
                if (expires != null) {
                    // An API token's session has no end of its own; it lasts until the token is revoked.
                    context.userData().put(LiveSocket.EXPIRES, expires);
                }
            }
        }
        return CheckResult.permitUpgrade();
    }

    /** Finds a discussion's stream by its slug on a worker thread. */
    @ApplicationScoped
    static class Lookup {

        private final Journal journal;

        Lookup(Journal journal) {
            this.journal = journal;
        }

        @ActivateRequestContext
        Optional<Long> discussionId(String slug) {
            return journal.streamOf(slug);
        }
    }
}
