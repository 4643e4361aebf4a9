package org.thesenforum.meeting;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.thesenforum.account.CurrentUser;
import org.thesenforum.demand.Demand;
import org.thesenforum.discussion.Discussion;
import org.thesenforum.discussion.GuidingQuestion;
import org.thesenforum.discussion.Topic;
import org.thesenforum.meeting.MeetingPage.Choice;
import org.thesenforum.meeting.MeetingPage.Row;
import org.thesenforum.meeting.MeetingViews.ItemView;
import org.thesenforum.meeting.MeetingViews.MeetingView;
import org.thesenforum.web.Inputs;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.ReaderLanguage;

/**
 * The moderators' meeting page ({@code /discussions/{slug}/sitzung}): start and end the meeting, edit the agenda,
 * set what is being discussed, see planned against actual times, the countdown and the reach. Every action is a
 * plain form, so it works without JavaScript. Also the banner fragment that every page's script fetches again.
 */
@Path("/discussions/{slug}/sitzung")
@Produces(MediaType.TEXT_HTML)
public class MeetingPages {

    /** Empty rows the agenda form offers for new items. */
    static final int NEW_ROWS = 3;

    private final MeetingService meetings;
    private final MeetingReach reach;
    private final MeetingBanner banner;
    private final CurrentUser currentUser;
    private final ReaderLanguage language;

    MeetingPages(MeetingService meetings, MeetingReach reach, MeetingBanner banner, CurrentUser currentUser,
            ReaderLanguage language) {
        this.meetings = meetings;
        this.reach = reach;
        this.banner = banner;
        this.currentUser = currentUser;
        this.language = language;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sitzung(MeetingPage page);
    }

    @GET
    @RolesAllowed("MODERATOR")
    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateInstance page(@RestPath String slug, @RestQuery String gespeichert) {
        MeetingView meeting = meetings.meeting(slug, locale());
        return Templates.sitzung(page(slug, meeting, rows(meeting), null, gespeichert != null));
    }

    /** The banner alone, in the reader's language, for the pages' script after a meeting frame. */
    @GET
    @Path("banner")
    @Transactional(Transactional.TxType.SUPPORTS)
    public String bannerFragment(@RestPath String slug) {
        return banner.fragment(meetings.meeting(slug, locale()), locale());
    }

    @POST
    @Path("beginnen")
    @RolesAllowed("MODERATOR")
    public Response start(@RestPath String slug) {
        return act(slug, () -> meetings.start(slug, currentUser.require()));
    }

    @POST
    @Path("beenden")
    @RolesAllowed("MODERATOR")
    public Response end(@RestPath String slug) {
        return act(slug, () -> meetings.end(slug, currentUser.require()));
    }

    @POST
    @Path("jetzt")
    @RolesAllowed("MODERATOR")
    public Response focus(@RestPath String slug, @RestForm String item) {
        return act(slug, () -> meetings.focus(slug, itemNumber(item), currentUser.require()));
    }

    @POST
    @Path("tagesordnung")
    @RolesAllowed("MODERATOR")
    public Response agenda(@RestPath String slug, @RestForm List<String> id, @RestForm List<String> what,
            @RestForm List<String> title, @RestForm List<String> start, @RestForm List<String> minutes) {
        List<Row> typed = new ArrayList<>();
        // A form without rows (or a hand-made post) is an empty agenda, never a null pointer.
        for (int i = 0; what != null && i < what.size(); i++) {
            typed.add(new Row(i + 1, at(id, i), at(what, i), at(title, i), at(start, i), at(minutes, i)));
        }
        MeetingForms.Parsed parsed = MeetingForms.items(typed);
        try {
            meetings.replaceAgenda(slug, parsed.items(), currentUser.require());
            return Response.seeOther(URI.create("/discussions/" + slug + "/sitzung?gespeichert#tagesordnung"))
                    .build();
        } catch (ProblemException e) {
            MeetingView meeting = meetings.meeting(slug, locale());
            if (e.status() == 404) {
                throw e;
            }
            return Response.status(e.status()).entity(Templates.sitzung(page(slug, meeting, typed,
                    MeetingForms.refusal(e, parsed, locale()), false))).build();
        }
    }

    private Response act(String slug, Runnable action) {
        try {
            action.run();
            return Response.seeOther(URI.create("/discussions/" + slug + "/sitzung")).build();
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            MeetingView meeting = meetings.meeting(slug, locale());
            return Response.status(e.status()).entity(Templates.sitzung(page(slug, meeting, rows(meeting),
                    e.message(locale()), false))).build();
        }
    }

    private static Long itemNumber(String item) {
        if (item == null || item.isBlank()) {
            return null;
        }
        return Inputs.optionalNumber("itemId", item, 1, Long.MAX_VALUE, null,
                AgendaInput.text(MeetingMessages::problem_item_unknown));
    }

    private MeetingPage page(String slug, MeetingView meeting, List<Row> rows, String error, boolean saved) {
        Discussion discussion = MeetingService.requireDiscussion(slug);
        Locale locale = locale();
        List<Choice> questions = GuidingQuestion.listByDiscussion(discussion).stream()
                .map(q -> new Choice("QUESTION:" + q.id, AgendaInput.text(m -> m.label_question(q.position))
                        .in(locale) + " — " + q.text)).toList();
        List<Choice> topics = Topic.listByDiscussion(discussion).stream()
                .map(t -> new Choice("TOPIC:" + t.id, org.thesenforum.web.Text.of(
                        org.thesenforum.discussion.DiscussionMessages.class, m -> m.topic_label(t.kind, t.number))
                        .in(locale) + " — " + t.title)).toList();
        // A demand merged or rejected while on the agenda stays a choice: its row must not fall back to "remove".
        java.util.Set<Long> onAgenda = meeting.items().stream().filter(i -> i.refId() != null
                && i.kind() == AgendaItem.Kind.DEMAND).map(ItemView::refId).collect(java.util.stream.Collectors.toSet());
        List<Choice> demands = Demand.listByDiscussion(discussion).stream()
                .filter(d -> !d.isFinished() || onAgenda.contains(d.id))
                .map(d -> new Choice("DEMAND:" + d.id, d.title)).toList();
        List<Row> all = new ArrayList<>(rows);
        for (int i = 0; i < NEW_ROWS; i++) {
            all.add(new Row(all.size() + 1, "", "", "", "", ""));
        }
        return new MeetingPage(slug, discussion.title, meeting, reach.of(discussion.id), all, questions, topics,
                demands, error, saved);
    }

    /** The stored agenda as rows of the form. */
    private static List<Row> rows(MeetingView meeting) {
        List<Row> rows = new ArrayList<>();
        for (ItemView item : meeting.items()) {
            String what = item.isFree() ? "FREE" : item.kindName() + ":" + item.refId();
            rows.add(new Row(rows.size() + 1, String.valueOf(item.id()), what,
                    item.titleOverride() == null ? "" : item.titleOverride(),
                    MeetingPage.LOCAL_INPUT.format(item.plannedStart()), String.valueOf(item.plannedMinutes())));
        }
        return rows;
    }

    private static String at(List<String> values, int index) {
        return values != null && index < values.size() && values.get(index) != null ? values.get(index) : "";
    }

    private Locale locale() {
        return language.locale();
    }
}
