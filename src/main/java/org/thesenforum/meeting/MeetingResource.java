package org.thesenforum.meeting;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.thesenforum.meeting.MeetingViews.MeetingView;

/** JSON API of the live meeting: the agenda with planned and actual times, the focus and the timer. */
@Path("/api/discussions/{slug}/meeting")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Meeting")
public class MeetingResource {

    private final MeetingService meetings;

    MeetingResource(MeetingService meetings) {
        this.meetings = meetings;
    }

    @GET
    @Operation(summary = "The meeting of a discussion: the agenda with planned and actual times, the item now being "
            + "discussed and the server's time for the countdown")
    public MeetingView get(@RestPath String slug) {
        return meetings.meeting(slug);
    }
}
