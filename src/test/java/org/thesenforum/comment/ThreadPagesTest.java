package org.thesenforum.comment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.thesenforum.account.Account;
import org.thesenforum.discussion.Topic;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.PageForms;
import org.thesenforum.web.MarkdownRenderer;

/** The topic page at every size: stored comment HTML, pages of threads, controls that do not grow per comment. */
@QuarkusTest
class ThreadPagesTest {

    private static final Pattern COMMENT_LI = Pattern.compile("<li id=\"c(\\d+)\"");
    private static final Pattern MORE = Pattern.compile("<a href=\"([^\"]+)\" data-more-threads>");

    @Inject
    MarkdownRenderer markdown;

    @Inject
    CommentHtmlBackfill backfill;

    @Inject
    CommentService comments;

    @Inject
    org.hibernate.SessionFactory sessionFactory;

    @Test
    void aPageOfThreadsTakesTheSameQueriesWhateverTheTopicsSize() {
        User author = Fixtures.expert();
        long small = Fixtures.freshTopic();
        List<Long> few = seed(small, author, 3);
        Fixtures.comment(small, author, "Antwort", few.get(0));
        long large = Fixtures.freshTopic();
        List<Long> many = seed(large, author, TopicPages.THREADS_PER_PAGE + 50);
        for (int i = 0; i < 20; i++) {
            long reply = Fixtures.comment(large, author, "Antwort " + i, many.get(i));
            Fixtures.comment(large, author, "Antwort darauf " + i, reply);
        }
        org.hibernate.stat.Statistics statistics = sessionFactory.getStatistics();
        boolean wasEnabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        try {
            statistics.clear();
            int shownSmall = QuarkusTransaction.requiringNew().call(() -> comments.threadPage(small, null, null, null,
                    TopicPages.THREADS_PER_PAGE).roots().stream().mapToInt(CommentView::size).sum());
            long queriesSmall = statistics.getPrepareStatementCount();
            statistics.clear();
            int shownLarge = QuarkusTransaction.requiringNew().call(() -> comments.threadPage(large, null, null, null,
                    TopicPages.THREADS_PER_PAGE).roots().stream().mapToInt(CommentView::size).sum());
            long queriesLarge = statistics.getPrepareStatementCount();
            assertEquals(4, shownSmall);
            assertEquals(TopicPages.THREADS_PER_PAGE + 40, shownLarge);
            assertEquals(queriesSmall, queriesLarge, "queries for a page of 240 comments against one of 4");
            assertTrue(queriesLarge <= 3, "the topic, the page's roots and their threads: " + queriesLarge);
        } finally {
            statistics.setStatisticsEnabled(wasEnabled);
        }
    }

    @Test
    void theStoredHtmlIsTheRenderedBodyAndFollowsAnEdit() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        String body = "Ein *betonter* Satz mit [Link](https://example.org) und <b>Markup</b>.";
        long id = author.as().body(Map.of("body", body)).post("/api/topics/" + topic + "/comments")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Comment stored = load(id);
        assertEquals(markdown.render(body), stored.bodyHtml);
        assertEquals(MarkdownRenderer.VERSION, stored.bodyHtmlVersion);
        assertEquals(id, stored.rootId);
        assertTrue(stored.bodyHtml.contains("<em>betonter</em>"), stored.bodyHtml);

        String edited = "Jetzt **fett** geschrieben.";
        author.as().body(Map.of("body", edited)).patch("/api/comments/" + id).then().statusCode(200);
        Comment after = load(id);
        assertEquals(markdown.render(edited), after.bodyHtml);
        assertEquals(after.bodyHtml, given().get("/api/comments/" + id).then().statusCode(200).extract()
                .jsonPath().getString("bodyHtml"));

        long reply = author.as().body(Map.of("body", "Antwort", "parentId", id))
                .post("/api/topics/" + topic + "/comments").then().statusCode(201).extract().jsonPath().getLong("id");
        assertEquals(id, load(reply).rootId, "a reply belongs to the thread of its top-level comment");
    }

    @Test
    void theStartupJobRendersRowsOfAnotherRendererVersionAgain() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        long root = Fixtures.comment(topic, author, "Alter *Stand*", null);
        long reply = Fixtures.comment(topic, author, "Antwort _darauf_", root);
        QuarkusTransaction.requiringNew().run(() -> {
            Comment c = Comment.findById(root);
            c.bodyHtml = "<p>vom alten Renderer</p>";
            c.bodyHtmlVersion = MarkdownRenderer.VERSION - 1;
            Comment r = Comment.findById(reply);
            r.rootId = null;
        });
        // Until the job has run, readers get the body rendered now, never the stale HTML.
        String before = given().get("/topics/" + topic).then().statusCode(200).extract().asString();
        assertFalse(before.contains("vom alten Renderer"));

        backfill.fillRoots();
        backfill.render();

        Comment c = load(root);
        assertEquals(MarkdownRenderer.VERSION, c.bodyHtmlVersion);
        assertEquals(markdown.render("Alter *Stand*"), c.bodyHtml);
        Comment r = load(reply);
        assertEquals(root, r.rootId);
        assertEquals(markdown.render("Antwort _darauf_"), r.bodyHtml);
        assertEquals(0, backfill.render(), "a second run finds nothing left to do");
    }

    @Test
    void theStartupJobSkipsARowItCannotRenderAndLeavesAnEditMadeMeanwhile() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        long broken = Fixtures.comment(topic, author, "Nicht darstellbar", null);
        long edited = Fixtures.comment(topic, author, "Vor der Bearbeitung", null);
        long plain = Fixtures.comment(topic, author, "Einfach *so*", null);
        QuarkusTransaction.requiringNew().run(() -> {
            for (long id : List.of(broken, edited, plain)) {
                Comment c = Comment.findById(id);
                c.bodyHtml = "<p>vom alten Renderer</p>";
                c.bodyHtmlVersion = MarkdownRenderer.VERSION - 1;
            }
        });

        backfill.render(body -> {
            if (body.equals("Nicht darstellbar")) {
                throw new IllegalStateException("kaputt");
            }
            if (body.equals("Vor der Bearbeitung")) {
                // The author's edit commits while the job renders the old body.
                QuarkusTransaction.requiringNew().run(() -> {
                    Comment c = Comment.findById(edited);
                    c.body = "Nach der Bearbeitung";
                    c.bodyHtml = markdown.render(c.body);
                    c.bodyHtmlVersion = MarkdownRenderer.VERSION;
                });
            }
            return markdown.render(body);
        });

        Comment b = load(broken);
        assertEquals(MarkdownRenderer.VERSION - 1, b.bodyHtmlVersion, "the failing row keeps its version");
        assertEquals("<p>vom alten Renderer</p>", b.bodyHtml);
        Comment e = load(edited);
        assertEquals("Nach der Bearbeitung", e.body);
        assertEquals(markdown.render("Nach der Bearbeitung"), e.bodyHtml, "the edit wins over the job");
        Comment p = load(plain);
        assertEquals(MarkdownRenderer.VERSION, p.bodyHtmlVersion, "the rows after the failing one are done");
        assertEquals(markdown.render("Einfach *so*"), p.bodyHtml);
        // Readers never get the old HTML of the row left behind.
        String page = given().get("/topics/" + topic).then().statusCode(200).extract().asString();
        assertFalse(page.contains("vom alten Renderer"));
    }

    @Test
    void longThreadsComeInPagesThatTogetherShowEveryCommentOnce() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        int roots = TopicPages.THREADS_PER_PAGE + 5;
        List<Long> ids = seed(topic, author, roots);
        long lastRoot = ids.get(roots - 1);
        long replyOnPage2 = Fixtures.comment(topic, author, "Antwort auf Seite zwei", lastRoot);
        long replyOnPage1 = Fixtures.comment(topic, author, "Antwort auf Seite eins", ids.get(0));

        String first = given().get("/topics/" + topic).then().statusCode(200).extract().asString();
        List<Long> onFirst = commentIds(first);
        assertEquals(TopicPages.THREADS_PER_PAGE + 1, onFirst.size(), "200 threads and the reply in the first");
        assertTrue(onFirst.contains(replyOnPage1));
        assertFalse(onFirst.contains(lastRoot));
        Matcher more = MORE.matcher(first);
        assertTrue(more.find(), "the first page links to the next one");
        String next = more.group(1).replace("&amp;", "&");
        assertTrue(next.startsWith("/topics/" + topic + "?nach=" + ids.get(TopicPages.THREADS_PER_PAGE - 1)), next);

        String second = given().get(next.substring(0, next.indexOf('#'))).then().statusCode(200).extract()
                .asString();
        List<Long> onSecond = commentIds(second);
        assertEquals(6, onSecond.size(), onSecond.toString());
        assertTrue(onSecond.contains(replyOnPage2));
        assertFalse(MORE.matcher(second).find(), "the last page has no link to a further one");
        assertTrue(second.contains("href=\"/topics/" + topic + "#thread-" + topic + "\""), "leads back to the start");

        Set<Long> all = new LinkedHashSet<>(onFirst);
        all.addAll(onSecond);
        assertEquals(onFirst.size() + onSecond.size(), all.size(), "no comment on two pages");
        Set<Long> expected = new LinkedHashSet<>(ids);
        expected.add(replyOnPage1);
        expected.add(replyOnPage2);
        assertEquals(expected, all, "nothing missing");

        // A comment's own address leads to the page that holds it.
        String location = PageForms.browser(null).get("/comments/" + replyOnPage2).then().statusCode(303).extract()
                .header("Location");
        assertTrue(location.endsWith("/topics/" + topic + "?nach=" + ids.get(TopicPages.THREADS_PER_PAGE - 1)
                + "#c" + replyOnPage2), location);
        String early = PageForms.browser(null).get("/comments/" + replyOnPage1).then().statusCode(303).extract()
                .header("Location");
        assertTrue(early.endsWith("/topics/" + topic + "#c" + replyOnPage1), early);
        // An unknown start is the first page.
        assertEquals(onFirst, commentIds(given().get("/topics/" + topic + "?nach=99999999").asString()));
    }

    @Test
    void aFormLinkOpensThePageThatHoldsTheComment() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        List<Long> ids = seed(topic, author, TopicPages.THREADS_PER_PAGE + 1);
        long last = ids.get(ids.size() - 1);
        String html = PageForms.browser(PageForms.signIn(author)).get("/topics/" + topic + "?antwort=" + last)
                .then().statusCode(200).extract().asString();
        assertTrue(html.contains("<input type=\"hidden\" name=\"parentId\" value=\"" + last + "\">"), "reply form");
        assertEquals(List.of(last), commentIds(html));
    }

    @Test
    void unreadCommentsOnALaterPageAreFoundFromTheFirst() {
        long topic = Fixtures.freshTopic();
        User reader = Fixtures.expert();
        User other = Fixtures.expert();
        List<Long> ids = seed(topic, other, TopicPages.THREADS_PER_PAGE + 1);
        String session = PageForms.signIn(reader);
        PageForms.browser(session).get("/topics/" + topic).then().statusCode(200);
        long fresh = Fixtures.comment(topic, other, "Neu nach dem Besuch", null);
        // A form opened on a later page records no visit: the first page below still points to the new comment.
        PageForms.browser(session).get("/topics/" + topic + "?antwort=" + ids.get(ids.size() - 1)).then()
                .statusCode(200);

        String first = PageForms.browser(session).get("/topics/" + topic).then().statusCode(200).extract()
                .asString();
        Matcher jump = Pattern.compile("id=\"unread-jump\"><a href=\"([^\"]+)\">([^<]+)</a>").matcher(first);
        assertTrue(jump.find(), "the first page points to the unread comment on a later page");
        String href = jump.group(1).replace("&amp;", "&");
        assertTrue(href.endsWith("#c" + fresh), href);
        assertTrue(jump.group(2).startsWith("1 neuer Beitrag"), jump.group(2));
        String later = PageForms.browser(session).get(href.substring(0, href.indexOf('#'))).then().statusCode(200)
                .extract().asString();
        assertTrue(commentIds(later).contains(fresh));
        assertTrue(later.contains("is-unread"), "the later page marks it as new, counted from the same visit");
        assertNotNull(ids);
    }

    @Test
    void aModeratorsPageHoldsTheSameFormsWhateverTheNumberOfComments() {
        User author = Fixtures.expert();
        String moderator = PageForms.signIn(Fixtures.moderator());
        long small = Fixtures.freshTopic();
        seed(small, author, 2);
        long large = Fixtures.freshTopic();
        List<Long> ids = seed(large, author, 40);
        long reply = Fixtures.comment(large, author, "Antwort", ids.get(0));
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 10; i++) {
                Comment c = Comment.findById(ids.get(i));
                c.hidden = true;
                c.hiddenReason = "Grund " + i;
            }
        });
        String smallPage = PageForms.browser(moderator).get("/topics/" + small).then().statusCode(200).extract()
                .asString();
        String largePage = PageForms.browser(moderator).get("/topics/" + large).then().statusCode(200).extract()
                .asString();
        assertEquals(41, commentIds(largePage).size());
        assertTrue(commentIds(largePage).contains(reply));
        assertEquals(count(smallPage, "<form"), count(largePage, "<form"),
                "the forms exist once per page, not per comment");
        assertEquals(count(smallPage, "<template"), count(largePage, "<template"));
        assertTrue(largePage.contains("?einblenden=" + ids.get(0) + "#unhide-form"), "the unhide control is a link");
    }

    private static int count(String html, String what) {
        int n = 0;
        for (int i = html.indexOf(what); i >= 0; i = html.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static List<Long> commentIds(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher m = COMMENT_LI.matcher(html);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    /** {@code n} top-level comments in one transaction, a millisecond apart, oldest first. */
    private static List<Long> seed(long topicId, User author, int n) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Topic topic = Topic.findById(topicId);
            Account account = Account.findById(author.id());
            Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Comment c = new Comment();
                c.topic = topic;
                c.author = account;
                c.body = "Beitrag " + i;
                c.createdAt = start.plusMillis(i);
                c.persist();
                c.rootId = c.id;
                ids.add(c.id);
            }
            return ids;
        });
    }

    private static Comment load(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Comment.findById(id));
    }
}
