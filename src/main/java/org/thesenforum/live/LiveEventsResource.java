package org.thesenforum.live;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.thesenforum.account.CurrentUser;
import org.thesenforum.discussion.Discussion;
import org.thesenforum.journal.Journal;
import org.thesenforum.journal.JournalEntry;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Inputs;

/** The live log over plain HTTP, for API clients and for pages on networks that block WebSockets. */
@Path("/api/discussions/{slug}/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Live")
public class LiveEventsResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final Journal journal;
    private final Frames frames;
    private final CurrentUser currentUser;

    LiveEventsResource(Journal journal, Frames frames, CurrentUser currentUser) {
        this.journal = journal;
        this.frames = frames;
        this.currentUser = currentUser;
    }

    @GET
    @Operation(summary = "Events after seq `since`, in order, as the live frames; "
            + "a single {\"type\": \"reset\"} frame when `since` is older than the retained log")
    public String events(@RestPath String slug, @RestQuery String since, @RestQuery String limit) {
        Discussion discussion = Discussion.findBySlug(slug)
                .orElseThrow(() -> ProblemException.notFound("Die Diskussion"));
        long after = parse("since", since, 0, Long.MAX_VALUE, 0);
        int max = (int) parse("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
        long latest = journal.latestSeq(discussion.id);
        if (after < journal.prunedThrough(discussion.id) || after > latest) {
            return "[" + frames.reset(latest) + "]";
        }
        boolean moderator = currentUser.isModerator();
        List<JournalEntry> events = journal.after(discussion.id, after, max);
        return events.stream().map(e -> frames.forAudience(e, moderator)).collect(Collectors.joining(",", "[", "]"));
    }

    private static long parse(String field, String value, long min, long max, long fallback) {
        return Inputs.optionalNumber(field, value, min, max, fallback, "„" + field + "“ muss eine ganze Zahl von "
                + min + " bis " + (max == Long.MAX_VALUE ? "…" : String.valueOf(max)) + " sein.");
    }
}
