package org.thesenforum.meeting;

import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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
import org.thesenforum.meeting.MeetingViews.MeetingView;
import org.thesenforum.web.Messages;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/** JSON API of the live meeting: the agenda with planned and actual times, the focus, the timer and the reach. */
@Path("/api/discussions/{slug}/meeting")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Meeting")
public class MeetingResource {

    private final MeetingService meetings;
    private final MeetingReach reach;
    private final CurrentUser currentUser;

    MeetingResource(MeetingService meetings, MeetingReach reach, CurrentUser currentUser) {
        this.meetings = meetings;
        this.reach = reach;
        this.currentUser = currentUser;
    }

    /** Body of an agenda: the items in order. */
    public record AgendaRequest(List<AgendaInput> items) {
    }

    @GET
    @Operation(summary = "The meeting of a discussion: the agenda with planned and actual times, the item now being "
            + "discussed and the server's time for the countdown")
    public MeetingView get(@RestPath String slug) {
        return meetings.meeting(slug);
    }

    @PUT
    @Path("/agenda")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("MODERATOR")
    @Operation(summary = "Replace the agenda (moderators); items sent with their id, or with the same kind, "
            + "reference and title, keep their actual times")
    public MeetingView agenda(@RestPath String slug, AgendaRequest request) {
        AgendaRequest r = ProblemException.requireBody(request);
        return meetings.replaceAgenda(slug, r.items(), currentUser.require());
    }

    @PUT
    @Path("/focus")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("MODERATOR")
    @Operation(summary = "Set the item now being discussed: {\"itemId\": n} starts it and ends the previous one; "
            + "{\"itemId\": null} ends the current one (a break); the same item again changes nothing (moderators)")
    public MeetingView focus(@RestPath String slug, JsonNode body) {
        return meetings.focus(slug, itemId(ProblemException.requireBody(body)), currentUser.require());
    }

    @POST
    @Path("/start")
    @RolesAllowed("MODERATOR")
    @Operation(summary = "Start the meeting, or continue an ended one (moderators)")
    public MeetingView start(@RestPath String slug) {
        return meetings.start(slug, currentUser.require());
    }

    @POST
    @Path("/end")
    @RolesAllowed("MODERATOR")
    @Operation(summary = "End the meeting and the item being discussed (moderators)")
    public MeetingView end(@RestPath String slug) {
        return meetings.end(slug, currentUser.require());
    }

    @GET
    @Path("/reach")
    @RolesAllowed("MODERATOR")
    @Operation(summary = "How many connected devices have applied the newest change, and how many are more than "
            + "30 seconds behind (moderators)")
    public MeetingReach.Reach reach(@RestPath String slug) {
        return reach.of(slug, currentUser.require());
    }

    /** The {@code itemId} of a focus body: a whole number or null, and nothing else in the object. */
    private static Long itemId(JsonNode body) {
        if (!body.isObject()) {
            throw new ProblemException(400, null, Text.of(Messages.class, Messages::json_malformed));
        }
        if (!body.has("itemId")) {
            throw ProblemException.invalid("itemId", AgendaInput.text(MeetingMessages::problem_item_required));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!name.equals("itemId")) {
                throw new ProblemException(400, name, Text.of(Messages.class, m -> m.json_unknown(name)));
            }
        }
        JsonNode id = body.get("itemId");
        if (id.isNull()) {
            return null;
        }
        if (!id.isIntegralNumber() || !id.canConvertToLong()) {
            throw new ProblemException(400, "itemId", Text.of(Messages.class, m -> m.json_expects_integer("itemId")));
        }
        return id.longValue();
    }
}
