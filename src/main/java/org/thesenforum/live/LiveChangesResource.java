package org.thesenforum.live;

import java.util.List;
import java.util.stream.Collectors;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.thesenforum.journal.Journal;
import org.thesenforum.journal.JournalEntry;
import org.thesenforum.web.Inputs;
import org.thesenforum.web.Messages;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/** The journal over plain HTTP, as the live frames, for API clients and for pages on networks that block WebSockets. */
@Path("/api/discussions/{slug}/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Live")
public class LiveChangesResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final Journal journal;
    private final Frames frames;
    private final SecurityIdentity identity;

    LiveChangesResource(Journal journal, Frames frames, SecurityIdentity identity) {
        this.journal = journal;
        this.frames = frames;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Changes after seq `since`, in order, as the live frames; "
            + "a single {\"type\": \"reset\"} frame when `since` is older than the retained journal")
    public String changes(@RestPath String slug, @RestQuery String since, @RestQuery String limit) {
        long discussionId = journal.streamOf(slug).orElseThrow(() -> ProblemException.notFound(
                Text.of(Messages.class, Messages::problem_stream_not_found)));
        long after = parse("since", since, 0, Long.MAX_VALUE, 0);
        int max = (int) parse("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
        long latest = journal.latestSeq(discussionId);
        if (after < journal.prunedThrough(discussionId) || after > latest) {
            return "[" + frames.reset(latest) + "]";
        }
        boolean moderator = identity.hasRole("MODERATOR");
        List<JournalEntry> entries = journal.after(discussionId, after, max);
        return entries.stream().map(e -> frames.forAudience(e, moderator)).collect(Collectors.joining(",", "[", "]"));
    }

    private static long parse(String field, String value, long min, long max, long fallback) {
        Text refusal = max == Long.MAX_VALUE ? Text.of(Messages.class, m -> m.problem_number_min(field, min))
                : Text.of(Messages.class, m -> m.problem_number_range(field, min, String.valueOf(max)));
        return Inputs.optionalNumber(field, value, min, max, fallback, refusal);
    }

    /** The feed's former path {@code /events}: answers exactly as {@code /changes}; removed in the next release. */
    @Path("/api/discussions/{slug}/events")
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "Live")
    @Deprecated(forRemoval = true)
    public static class FormerPath {

        private final LiveChangesResource changes;

        FormerPath(LiveChangesResource changes) {
            this.changes = changes;
        }

        @GET
        @Operation(summary = "Deprecated: the former path of /changes, removed in the next release")
        public String events(@RestPath String slug, @RestQuery String since, @RestQuery String limit) {
            return changes.changes(slug, since, limit);
        }
    }
}
