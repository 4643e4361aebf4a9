package org.thesenforum.demand;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.thesenforum.comment.Comment;
import org.thesenforum.comment.CommentAddon.Snippets;
import org.thesenforum.comment.CommentFragments;
import org.thesenforum.comment.CommentService;
import org.thesenforum.comment.CommentView;
import org.thesenforum.discussion.DiscussionService;
import org.thesenforum.discussion.DiscussionViews.TopicView;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;

/**
 * Comments on a topic page offer to propose them as a demand and name the demands that grew out of them, through the
 * comment's addon outlet.
 */
@QuarkusTest
class DemandCommentAddonTest {

    private static final String DEMANDS = "/discussions/" + Fixtures.SLUG + "/demands";

    @Inject
    DemandCommentAddon addon;
    @Inject
    CommentService comments;
    @Inject
    CommentFragments fragments;
    @Inject
    DiscussionService discussions;
    @Inject
    SessionFactory sessionFactory;

    @Test
    void aVisibleCommentOffersToProposeItAsADemandButAHiddenOrDeletedOneDoesNot() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        long shown = Fixtures.comment(topic, author, "Räume für alle.", null);
        long hidden = Fixtures.comment(topic, author, "Wird ausgeblendet.", null);
        long deleted = Fixtures.comment(topic, author, "Wird gelöscht.", null);
        long fromHidden = grownOutOf(hidden, BoardData.onTopic(topic, author, "Aus dem Ausgeblendeten", false));
        long fromDeleted = grownOutOf(deleted, BoardData.onTopic(topic, author, "Aus dem Gelöschten", false));
        QuarkusTransaction.requiringNew().run(() -> {
            Comment h = Comment.findById(hidden);
            h.hidden = true;
            h.hiddenReason = "Test";
            Comment.<Comment>findById(deleted).deletedAt = Instant.now();
        });

        for (User reader : new User[] { null, author, Fixtures.moderator() }) {
            String html = page(topic, "de", reader);
            String card = card(html, shown);
            // Anonymous readers get no member controls on the page (forum.css would hide them anyway).
            assertEquals(reader != null, card.contains("<a class=\"action member-control write-control\" href=\""
                    + DEMANDS + "?aus=" + shown + "#vorschlag\">Als Forderung vorschlagen</a>"), card);
            assertFalse(card(html, hidden).contains("?aus="), card(html, hidden));
            assertFalse(card(html, deleted).contains("?aus="), card(html, deleted));
            // A hidden or deleted comment names no demand either.
            assertFalse(card(html, hidden).contains("#d" + fromHidden), card(html, hidden));
            assertFalse(card(html, deleted).contains("#d" + fromDeleted), card(html, deleted));
        }
        // Anonymous readers get the link in the markup, hidden like the reply link: the page is not marked is-member.
        assertFalse(page(topic, "de", null).contains("topic-page is-member"));
        assertTrue(page(topic, "de", author).contains("topic-page is-member"));
    }

    @Test
    void aCommentNamesTheDemandThatGrewOutOfItWithALinkToIt() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        long origin = Fixtures.comment(topic, author, "Wir brauchen Räume.", null);
        long other = Fixtures.comment(topic, author, "Daraus wurde nichts.", null);
        long demand = grownOutOf(origin, BoardData.onTopic(topic, author, "Verlässliche Räume", false));

        String html = page(topic, "de", null);
        String card = card(html, origin);
        assertTrue(card.contains("→ Forderung: <a href=\"" + DEMANDS + "#d" + demand + "\">Verlässliche Räume</a>"),
                card);
        // The note stands under the text, before the comment's controls.
        assertTrue(card.indexOf("comment-notes") < card.indexOf("comment-actions"), card);
        assertFalse(card(html, other).contains("comment-demands"), card(html, other));

        String english = card(page(topic, "en", Fixtures.expert()), origin);
        assertTrue(english.contains("→ Demand: <a href=\"" + DEMANDS + "#d" + demand + "\">Verlässliche Räume</a>"),
                english);
        assertTrue(english.contains(">Propose as a demand</a>"), english);
    }

    @Test
    void aRejectedDemandIsNotNamedAndAMergedOneLeadsToTheDemandItWasMergedInto() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        long origin = Fixtures.comment(topic, author, "Zwei Ideen.", null);
        long rejected = grownOutOf(origin, BoardData.onTopic(topic, author, "Abgelehnte Idee", false));
        long merged = grownOutOf(origin, BoardData.onTopic(topic, author, "Doppelte Idee", false));
        long target = BoardData.onTopic(topic, Fixtures.expert(), "Gemeinsame Idee", false);
        QuarkusTransaction.requiringNew().run(() -> {
            Demand.<Demand>findById(rejected).status = Demand.Status.REJECTED;
            Demand m = Demand.findById(merged);
            m.status = Demand.Status.MERGED;
            m.mergedInto = Demand.findById(target);
        });

        String card = card(page(topic, "de", null), origin);
        assertFalse(card.contains("Abgelehnte Idee"), card);
        assertFalse(card.contains("#d" + rejected + "\""), card);
        assertTrue(card.contains("→ Forderung: <a href=\"" + DEMANDS + "#d" + target + "\">Gemeinsame Idee</a> "
                + "<span class=\"hint\">(hier vorgeschlagen als „Doppelte Idee“, zusammengeführt)</span>"), card);

        QuarkusTransaction.requiringNew().run(() -> Demand.<Demand>findById(target).status = Demand.Status.REJECTED);
        assertFalse(card(page(topic, "de", null), origin).contains("comment-demands"));
    }

    @Test
    void aHostileTitleIsShownAsText() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        long origin = Fixtures.comment(topic, author, "Harmlos.", null);
        grownOutOf(origin, BoardData.onTopic(topic, author, "<script>alert(1)</script><img src=x onerror=alert(2)>",
                false));

        String card = card(page(topic, "de", null), origin);
        assertTrue(card.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;</a>"),
                card);
        assertFalse(card.contains("<script>"), card);
        assertFalse(card.contains("<img"), card);
    }

    @Test
    void theLiveFragmentOfACommentCarriesTheLinkAndItsDemands() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        long fresh = Fixtures.comment(topic, author, "Gerade geschrieben.", null);
        long origin = Fixtures.comment(topic, author, "Schon länger da.", null);
        long demand = grownOutOf(origin, BoardData.onTopic(topic, author, "Eine Forderung", false));

        CommentFragments.Rendered newOne = fragment(fresh);
        assertTrue(newOne.forReaders().contains("href=\"" + DEMANDS + "?aus=" + fresh + "#vorschlag\""),
                newOne.forReaders());
        assertTrue(newOne.forModerators().contains("?aus=" + fresh + "#vorschlag"), newOne.forModerators());
        assertFalse(newOne.forReaders().contains("comment-demands"), newOne.forReaders());
        String edited = fragment(origin).forReaders();
        assertTrue(edited.contains("→ Forderung: <a href=\"" + DEMANDS + "#d" + demand + "\">Eine Forderung</a>"),
                edited);
    }

    @Test
    void aPageOfManyCommentsIsLookedUpInOneQuery() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(Fixtures.comment(topic, author, "Beitrag " + i, null));
        }
        for (int i = 0; i < 60; i += 20) {
            grownOutOf(ids.get(i), BoardData.onTopic(topic, author, "Forderung " + i, false));
        }
        TopicView view = discussions.topic(topic);
        List<CommentView> thread = comments.thread(topic, null, null);

        Statistics statistics = sessionFactory.getStatistics();
        boolean wasEnabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        try {
            // The statistics are the whole application's: background work (the search index catching up on the
            // previous tests' writes) can add to a count, never take from it, so the fewest of three counts is the
            // addon's own.
            long fewest = Long.MAX_VALUE;
            Map<Long, Snippets> snippets = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                statistics.clear();
                snippets = QuarkusTransaction.requiringNew().call(() -> addon.render(view, thread, Locale.GERMAN));
                fewest = Math.min(fewest, statistics.getPrepareStatementCount());
            }
            assertEquals(1, fewest, "statements for 60 comments");
            assertEquals(60, snippets.size());
            assertEquals(3, snippets.values().stream().filter(s -> s.notes().contains("→ Forderung:")).count());
        } finally {
            statistics.setStatisticsEnabled(wasEnabled);
        }
    }

    /** Makes the comment the origin of the demand; returns the demand's id. */
    private static long grownOutOf(long commentId, long demandId) {
        QuarkusTransaction.requiringNew().run(
                () -> Demand.<Demand>findById(demandId).originComment = Comment.findById(commentId));
        return demandId;
    }

    private CommentFragments.Rendered fragment(long commentId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> fragments.render(comments.viewFor(commentId, false), null));
    }

    private static String page(long topic, String language, User reader) {
        return (reader == null ? given() : reader.as()).cookie("tf_lang", language).get("/topics/" + topic).then()
                .statusCode(200).extract().asString();
    }

    /** The comment's own card, without its replies. */
    private static String card(String html, long commentId) {
        int start = html.indexOf("<li id=\"c" + commentId + "\"");
        assertTrue(start >= 0, "comment " + commentId + " on the page");
        return html.substring(start, html.indexOf("</article>", start));
    }
}
