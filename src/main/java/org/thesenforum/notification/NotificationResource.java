package org.thesenforum.notification;

import java.util.List;
import java.util.Map;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.thesenforum.account.Account;
import org.thesenforum.account.CurrentUser;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.ReaderLanguage;
import org.thesenforum.web.Text;

/** JSON API of one's own notifications. */
@Path("/api/me/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Notifications")
public class NotificationResource {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final NotificationService notifications;
    private final CurrentUser currentUser;
    private final ReaderLanguage language;

    NotificationResource(NotificationService notifications, CurrentUser currentUser, ReaderLanguage language) {
        this.notifications = notifications;
        this.currentUser = currentUser;
        this.language = language;
    }

    /** A page of notifications, newest first, with the unread count and the latest seq. */
    public record NotificationPage(List<NotificationView> notifications, long unread, long latestSeq) {
    }

    /** Which notifications to mark read: up to a seq, these seqs, or (both absent) all. */
    public record ReadRequest(Long upTo, List<Long> seqs) {
    }

    @GET
    @Operation(summary = "Your notifications, newest first; ?before=<seq> for older ones, ?limit= up to 100")
    public NotificationPage list(@RestQuery String before, @RestQuery String limit) {
        Account me = currentUser.require();
        Long beforeSeq = positive("before", before, Long.MAX_VALUE, null,
                text(NotificationMessages::problem_before));
        int size = positive("limit", limit, MAX_LIMIT, (long) DEFAULT_LIMIT,
                text(m -> m.problem_limit(MAX_LIMIT))).intValue();
        return new NotificationPage(notifications.list(me.id, beforeSeq, size, language.locale()),
                notifications.unread(me.id), notifications.latestSeq(me.id));
    }

    @POST
    @Path("/read")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark read: upTo (a seq), seqs (a list), or an empty body for all")
    public Map<String, Long> read(ReadRequest request) {
        Account me = currentUser.require();
        ReadRequest r = request == null ? new ReadRequest(null, null) : request;
        if (r.upTo() != null && r.seqs() != null) {
            throw new ProblemException(400, "seqs", text(NotificationMessages::problem_read_both));
        }
        if (r.upTo() != null && r.upTo() < 1) {
            throw new ProblemException(400, "upTo", text(NotificationMessages::problem_read_seq));
        }
        if (r.seqs() != null && (r.seqs().size() > 1000 || r.seqs().stream().anyMatch(s -> s == null || s < 1))) {
            throw new ProblemException(400, "seqs", text(NotificationMessages::problem_read_seq));
        }
        return Map.of("unread", notifications.markRead(me.id, r.upTo(), r.seqs()));
    }

    /** A whole number from 1 to {@code max}; {@code fallback} when absent, 400 naming the field otherwise. */
    static Long positive(String field, String value, long max, Long fallback, Text refusal) {
        if (value == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ProblemException(400, field, refusal);
    }

    static Text text(java.util.function.Function<NotificationMessages, String> message) {
        return Text.of(NotificationMessages.class, message);
    }
}
