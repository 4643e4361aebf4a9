package org.thesenforum.live;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.thesenforum.journal.ConnectionFacts;
import org.thesenforum.journal.Journal;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.ForumBrowser;
import org.thesenforum.testing.Fixtures.User;

import io.quarkus.arc.Arc;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OpenConnections;

/**
 * The live layer as readers meet it: two signed-in browsers (headless Chromium) on the same topic. Runs in
 * {@code mvn verify} only; on CI a missing browser fails the run instead of skipping it.
 */
@QuarkusTest
class LiveBrowserIT {

    @TestHTTPResource("/")
    URL base;

    private final List<Browser> browsers = new ArrayList<>();

    @BeforeAll
    static void requireBrowser() {
        ForumBrowser.requireChromium();
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(Browser::close);
    }

    @Test
    void aCommentAndAReplyAppearInTheOtherBrowserWithoutReload() {
        long topic = Fixtures.freshTopic();
        Browser anna = open(Fixtures.expert(), topic);
        Browser ben = open(Fixtures.expert(), topic);
        ben.markPage();

        long id = anna.writeComment("Wir brauchen mehr Orte der Begegnung im Quartier.");
        WebElement pushed = ben.awaitComment(id);
        assertTrue(pushed.getText().contains("Wir brauchen mehr Orte der Begegnung im Quartier."));
        assertEquals("thread", pushed.findElement(By.xpath("..")).getAttribute("class"));
        ben.awaitCount(1);
        assertTrue(ben.pageIsTheSame(), "the comment arrived without a reload");

        // Ben answers under the pushed comment, with the page's one reply form that moves there.
        anna.markPage();
        long reply = ben.reply(id, "Ja, und zwar mit festen Öffnungszeiten.");
        WebElement nested = anna.awaitElement(By.cssSelector("#c" + id + " > ol.replies > li#c" + reply));
        assertTrue(nested.getText().contains("Ja, und zwar mit festen Öffnungszeiten."));
        anna.awaitCount(2);
        assertTrue(anna.pageIsTheSame(), "the reply arrived without a reload");
    }

    @Test
    void afterTheServerDropsTheConnectionThePageReconnectsAndShowsWhatWasPostedMeanwhile() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        Browser reader = open(Fixtures.expert(), topic);
        reader.markPage();
        reader.recordStates();

        reader.goOffline(true);
        // What a restarting server does: every connection closes with 1012, and clients resume with since.
        Arc.container().instance(OpenConnections.class).get().forEach(c -> c
                .close(new CloseReason(1012, "service restart")).subscribe().with(ok -> { }, f -> { }));
        reader.awaitState("verbinde neu …");
        long id = author.as().body(Map.of("body", "Geschrieben, während die Verbindung weg war."))
                .post("/api/topics/" + topic + "/comments").then().statusCode(201).extract().jsonPath().getLong("id");
        reader.goOffline(false);

        WebElement comment = reader.awaitComment(id);
        assertTrue(comment.getText().contains("Geschrieben, während die Verbindung weg war."));
        reader.awaitState("live");
        assertTrue(reader.pageIsTheSame(), "resumed without a reload");
    }

    @Test
    void anEditWaitsWhileTheReaderWritesAReplyToThatComment() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        long id = Fixtures.comment(topic, author, "Erste Fassung.", null);
        Browser reader = open(Fixtures.expert(), topic);
        WebElement answer = reader.openReply(id, "Halb fertige Antwort");

        author.as().body(Map.of("body", "Zweite Fassung.")).patch("/api/comments/" + id).then().statusCode(200);
        reader.awaitText(By.cssSelector("#c" + id + " .live-updated"), "aktualisiert");
        assertTrue(reader.text(By.cssSelector("#c" + id + " .comment-text")).contains("Erste Fassung."));
        assertEquals("Halb fertige Antwort", answer.getDomProperty("value"));
        assertEquals(answer, reader.focused(), "the reader keeps the focus");

        answer.clear();
        reader.closeReply(id);
        reader.focusNothing();
        reader.awaitText(By.cssSelector("#c" + id + " .comment-text"), "Zweite Fassung.");
        assertTrue(reader.elements(By.cssSelector("#c" + id + " .live-updated")).isEmpty());
    }

    @Test
    void lockingTheTopicDisablesWritingButKeepsTheTypedText() {
        long topic = Fixtures.freshTopic();
        Browser reader = open(Fixtures.expert(), topic);
        WebElement body = reader.awaitElement(By.id("new-comment-body"));
        body.sendKeys("Noch nicht abgeschickt");
        User moderator = Fixtures.moderator();

        moderator.as().post("/api/topics/" + topic + "/lock").then().statusCode(200);
        reader.awaitElement(By.cssSelector("#topic-status-" + topic + ".is-locked .notice-locked"));
        WebElement submit = reader.awaitElement(By.cssSelector("#new-comment button[type='submit']"));
        reader.wait.until(d -> !submit.isEnabled());
        assertEquals("Noch nicht abgeschickt", body.getDomProperty("value"));

        moderator.as().post("/api/topics/" + topic + "/unlock").then().statusCode(200);
        reader.wait.until(d -> submit.isEnabled());
    }

    @Test
    void aCommentPushedToItsAuthorsOtherTabShowsTheAuthorControls() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        Browser first = open(author, topic);
        Browser second = open(author, topic);
        Browser other = open(Fixtures.expert(), topic);
        second.markPage();

        long id = first.writeComment("Aus dem ersten Tab, **fett**.");
        second.awaitComment(id);
        assertTrue(second.control(id, "Bearbeiten").isDisplayed(), "edit on the author's own pushed comment");
        assertTrue(second.control(id, "Löschen").isDisplayed(), "delete on the author's own pushed comment");
        other.awaitComment(id);
        assertFalse(other.control(id, "Bearbeiten").isDisplayed(), "no edit on someone else's comment");
        assertFalse(other.control(id, "Löschen").isDisplayed());
        assertTrue(other.control(id, "Antworten").isDisplayed());

        // The page's one edit form opens under the pushed comment with its Markdown source, and saves.
        WebElement form = second.openAction(id, "Bearbeiten");
        WebElement body = form.findElement(By.tagName("textarea"));
        assertEquals("Aus dem ersten Tab, **fett**.", body.getDomProperty("value"));
        assertTrue(second.pageIsTheSame(), "opened without a reload");
        body.sendKeys(" Ergänzt.");
        form.findElement(By.xpath(".//button[normalize-space()='Änderung speichern']")).click();
        assertEquals(id, second.commentIdFromUrl());
        other.awaitText(By.cssSelector("#c" + id + " .comment-text"), "Aus dem ersten Tab, fett. Ergänzt.");
    }

    @Test
    void aModeratorSeesTheHideControlOnAPushedComment() {
        long topic = Fixtures.freshTopic();
        Browser moderator = open(Fixtures.moderator(), topic);
        Browser reader = open(Fixtures.expert(), topic);
        moderator.markPage();

        long id = post(Fixtures.expert(), topic, "Ein Satz, der ausgeblendet wird.");
        moderator.awaitComment(id);
        reader.awaitComment(id);
        assertTrue(reader.elements(By.cssSelector("#c" + id + " a[data-action='hide']")).isEmpty(),
                "readers get no hide control");
        WebElement form = moderator.openAction(id, "Ausblenden");
        assertTrue(moderator.pageIsTheSame(), "the hide control came with the pushed comment");
        form.findElement(By.name("reason")).sendKeys("Nicht zum Thema");
        form.findElement(By.xpath(".//button[normalize-space()='Beitrag ausblenden']")).click();
        assertEquals(id, moderator.commentIdFromUrl());
        reader.awaitText(By.cssSelector("#c" + id + " .placeholder"), "Von der Moderation ausgeblendet");
        // The moderators' fragment of the hidden comment brings the unhide control for the page's one unhide form.
        moderator.markPage();
        Fixtures.moderator().as().post("/api/comments/" + id + "/unhide").then().statusCode(200);
        moderator.awaitText(By.cssSelector("#c" + id + " .comment-text"), "Ein Satz, der ausgeblendet wird.");
        Fixtures.moderator().as().body(Map.of("reason", "Doch")).post("/api/comments/" + id + "/hide")
                .then().statusCode(200);
        moderator.awaitElement(By.cssSelector("#c" + id + " .moderation-note"));
        WebElement unhide = moderator.openAction(id, "Wieder einblenden");
        unhide.findElement(By.xpath(".//button[normalize-space()='Wieder einblenden']")).click();
        assertEquals(id, moderator.commentIdFromUrl());
        moderator.awaitText(By.cssSelector("#c" + id + " .comment-text"), "Ein Satz, der ausgeblendet wird.");
    }

    @Test
    void aLiveUnlockMakesTheNewCommentFormUsableWithoutReload() {
        long topic = Fixtures.freshTopic();
        long earlier = Fixtures.comment(topic, Fixtures.expert(), "Vor der Sperre.", null);
        Fixtures.lock(topic);
        Browser reader = open(Fixtures.expert(), topic);
        reader.markPage();
        WebElement badge = reader.awaitElement(By.cssSelector("#topic-status-" + topic + " .badge-locked"));
        assertEquals("Gesperrt", badge.getText());
        assertFalse(reader.byId("new-comment").isDisplayed(), "no form while locked");
        assertFalse(reader.control(earlier, "Antworten").isDisplayed(), "no reply control while locked");

        Fixtures.moderator().as().post("/api/topics/" + topic + "/unlock").then().statusCode(200);
        reader.wait.until(d -> reader.elements(By.cssSelector(".badge-locked")).isEmpty());
        reader.wait.until(d -> reader.byId("new-comment").isDisplayed());
        assertTrue(reader.control(earlier, "Antworten").isDisplayed(), "replying works again");
        assertFalse(reader.text(By.id("topic-status-" + topic)).contains("neu"), "no request to reload");
        assertTrue(reader.pageIsTheSame(), "unlocked without a reload");

        long id = reader.writeComment("Endlich wieder offen.");
        assertTrue(reader.awaitComment(id).getText().contains("Endlich wieder offen."));
    }

    @Test
    void aLiveLockShowsTheBadgeAndTheModeratorsButtonTurnsIntoUnlock() {
        long topic = Fixtures.freshTopic();
        Browser moderator = open(Fixtures.moderator(), topic);
        Browser reader = open(Fixtures.expert(), topic);
        moderator.markPage();
        assertTrue(moderator.elements(By.cssSelector(".badge-locked")).isEmpty());
        moderator.button("Thema sperren");

        Fixtures.moderator().as().post("/api/topics/" + topic + "/lock").then().statusCode(200);
        moderator.awaitElement(By.cssSelector("#topic-status-" + topic + " .badge-locked"));
        reader.awaitElement(By.cssSelector("#topic-status-" + topic + " .badge-locked"));
        assertTrue(reader.elements(By.cssSelector("#topic-status-" + topic + " form")).isEmpty(),
                "readers get no lock form");
        WebElement unlock = moderator.button("Thema entsperren");
        assertTrue(moderator.pageIsTheSame(), "locked without a reload");

        // The pushed form works: the page filled in its CSRF field.
        unlock.click();
        moderator.button("Thema sperren");
        reader.wait.until(d -> reader.elements(By.cssSelector(".badge-locked")).isEmpty());
    }

    @Test
    void theReplyFormMovesUnderTheAnsweredCommentAndPostingWorks() {
        long topic = Fixtures.freshTopic();
        long first = Fixtures.comment(topic, Fixtures.expert(), "Der erste Beitrag.", null);
        long second = Fixtures.comment(topic, Fixtures.expert(), "Der zweite Beitrag.", null);
        Browser reader = open(Fixtures.expert(), topic);
        Browser other = open(Fixtures.expert(), topic);

        reader.openReply(first, "Angefangen beim ersten");
        assertEquals(1, reader.elements(By.id("reply-form")).size());
        assertEquals(1, reader.elements(By.cssSelector("#c" + first + " > article > #reply-form")).size());

        WebElement field = reader.openReply(second, "Antwort an den zweiten");
        assertEquals(1, reader.elements(By.id("reply-form")).size(), "still one reply form");
        assertEquals(1, reader.elements(By.cssSelector("#c" + second + " > article > #reply-form")).size());
        assertEquals("Antwort an den zweiten", field.getDomProperty("value"));
        assertEquals(String.valueOf(second), reader.byId("reply-form").findElement(By.name("parentId"))
                .getDomProperty("value"));

        other.markPage();
        reader.byId("reply-form").findElement(By.xpath(".//button[@type='submit']")).click();
        long reply = reader.commentIdFromUrl();
        assertEquals(String.valueOf(second), reader.awaitComment(reply).getDomAttribute("data-parent-id"));
        assertTrue(other.awaitElement(By.cssSelector("#c" + second + " > ol.replies > li#c" + reply)).getText()
                .contains("Antwort an den zweiten"));
        assertTrue(other.pageIsTheSame());
    }

    @Test
    void typingInAMovedReplyFormIsNotLostWhenAFrameReplacesThatComment() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        long id = Fixtures.comment(topic, author, "Erste Fassung.", null);
        long earlier = Fixtures.comment(topic, Fixtures.expert(), "Schon da.", id);
        Browser reader = open(Fixtures.expert(), topic);
        WebElement answer = reader.openReply(id, "Meine halbe Antwort");
        reader.focusNothing();

        author.as().body(Map.of("body", "Zweite Fassung.")).patch("/api/comments/" + id).then().statusCode(200);
        reader.awaitText(By.cssSelector("#c" + id + " .live-updated"), "aktualisiert");
        assertEquals("Meine halbe Antwort", answer.getDomProperty("value"));
        assertTrue(answer.isDisplayed());
        // A reply to that comment still arrives in its replies list meanwhile.
        long pushed = post(Fixtures.expert(), topic, id, "Eine Antwort von jemand anderem.");
        reader.awaitElement(By.cssSelector("#c" + id + " > ol.replies > li#c" + pushed));
        assertEquals(2, reader.elements(By.cssSelector("#c" + id + " > ol.replies > li")).size());
        assertEquals(1, reader.elements(By.id("c" + earlier)).size());

        reader.byId("reply-form").findElement(By.xpath(".//button[@type='submit']")).click();
        long reply = reader.commentIdFromUrl();
        assertTrue(reader.awaitComment(reply).getText().contains("Meine halbe Antwort"));
        assertTrue(reader.text(By.cssSelector("#c" + id + " .comment-text")).contains("Zweite Fassung."));
    }

    @Test
    void theOverviewCountsANewCommentOnItsTopicCard() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        Browser reader = open(Fixtures.expert(), topic);
        reader.visit("/discussions/" + Fixtures.SLUG);
        reader.markPage();
        By count = By.cssSelector(".topic-card[data-topic-id='" + topic + "'] .count");
        assertEquals("Noch keine Beiträge", reader.text(count));

        author.as().body(Map.of("body", "Ein Beitrag für die Übersicht.")).post("/api/topics/" + topic + "/comments")
                .then().statusCode(201);
        reader.awaitText(count, "1 Beitrag");
        assertTrue(reader.pageIsTheSame(), "counted without a reload");
    }

    @Test
    void withoutWebSocketsThePagePollsTheHttpFeed() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        Browser reader = open(Fixtures.expert(), topic);
        reader.refuseSockets();
        reader.reload();
        reader.awaitState("offline – aktualisiert alle 5 s");
        reader.markPage();

        long id = author.as().body(Map.of("body", "Kommt über die HTTP-Abfrage.")).post("/api/topics/" + topic + "/comments")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        assertTrue(reader.awaitComment(id).getText().contains("Kommt über die HTTP-Abfrage."));
        assertEquals("offline – aktualisiert alle 5 s", reader.state());
        assertTrue(reader.pageIsTheSame(), "polled without a reload");
    }

    @Test
    void thePageAcknowledgesTheChangesItApplied() {
        long topic = Fixtures.freshTopic();
        Browser reader = open(Fixtures.expert(), topic);
        long id = Fixtures.expert().as().body(Map.of("body", "Angekommen?")).post("/api/topics/" + topic + "/comments")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        reader.awaitComment(id);
        long seq = io.restassured.RestAssured.given().get("/api/discussions/" + Fixtures.SLUG).then().extract()
                .jsonPath().getLong("lastEventSeq");
        long stream = Arc.container().instance(Journal.class).get().streamOf(Fixtures.SLUG).orElseThrow();
        ConnectionFacts facts = Arc.container().instance(ConnectionFacts.class).get();
        await().atMost(Duration.ofSeconds(10)).until(() -> facts.connections(stream).stream()
                .anyMatch(c -> Long.valueOf(topic).equals(c.topicId()) && Long.valueOf(seq).equals(c.acknowledgedSeq())));
    }

    private static long post(User author, long topic, String body) {
        return author.as().body(Map.of("body", body)).post("/api/topics/" + topic + "/comments")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long post(User author, long topic, long parentId, String body) {
        return author.as().body(Map.of("body", body, "parentId", parentId)).post("/api/topics/" + topic + "/comments")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    // ---------------------------------------------------------------- browser

    private Browser open(User user, long topic) {
        Browser browser = new Browser(base.toString().replaceAll("/$", ""));
        browsers.add(browser);
        browser.signIn(user, "/topics/" + topic);
        browser.awaitState("live");
        return browser;
    }

    /** One headless Chromium with its own profile (so its own session), with the steps these tests repeat. */
    static final class Browser {

        private final ForumBrowser page;
        final org.openqa.selenium.support.ui.WebDriverWait wait;

        Browser(String base) {
            this.page = new ForumBrowser(base);
            this.wait = page.wait;
        }

        void visit(String path) {
            page.visit(path);
            awaitState("live");
        }

        void signIn(User user, String next) {
            page.signIn(user, next);
        }

        /** Writes a new comment in the form at the top and returns its id (the page reloads at it). */
        long writeComment(String text) {
            page.field("Ihr Beitrag").sendKeys(text);
            page.button("Beitrag veröffentlichen").click();
            return page.commentIdFromUrl();
        }

        /** Opens "Antworten" under a comment, writes and sends a reply; returns its id. */
        long reply(long commentId, String text) {
            openReply(commentId, text);
            page.byId("reply-form")
                    .findElement(By.xpath(".//button[normalize-space()='Antwort veröffentlichen']")).click();
            return page.commentIdFromUrl();
        }

        /** Opens "Antworten" under a comment and types into the reply field, which keeps the focus. */
        WebElement openReply(long commentId, String text) {
            page.openAction(commentId, "Antworten");
            WebElement field = page.field("Ihre Antwort an " + page.byId("c" + commentId + "-label").getText());
            field.sendKeys(text);
            return field;
        }

        /** The page's one form of this control under a comment, opened. */
        WebElement openAction(long commentId, String control) {
            return page.openAction(commentId, control);
        }

        /** Chooses "Antworten" again, which closes the reply form under the comment. */
        void closeReply(long commentId) {
            page.byId("c" + commentId)
                    .findElement(By.xpath("./article//a[@data-action][normalize-space()='Antworten']")).click();
        }

        /** A comment's control ("Antworten", "Bearbeiten", …), whether or not it is shown. */
        WebElement control(long commentId, String name) {
            return page.byId("c" + commentId)
                    .findElement(By.xpath("./article//a[@data-action][normalize-space()='" + name + "']"));
        }

        WebElement button(String name) {
            return page.button(name);
        }

        WebElement byId(String id) {
            return page.byId(id);
        }

        long commentIdFromUrl() {
            return page.commentIdFromUrl();
        }

        WebElement focused() {
            return page.focused();
        }

        /** Takes the focus away from any control (a click could land on the sticky live bar instead). */
        void focusNothing() {
            page.script("document.activeElement.blur()");
        }

        List<WebElement> elements(By by) {
            return page.elements(by);
        }

        WebElement awaitComment(long id) {
            return page.awaitElement(By.id("c" + id));
        }

        WebElement awaitElement(By by) {
            return page.awaitElement(by);
        }

        void awaitCount(int n) {
            page.awaitText(By.id("thread-count"), "(" + n + ")");
        }

        void awaitText(By by, String text) {
            page.awaitText(by, text);
        }

        String text(By by) {
            return page.text(by);
        }

        String state() {
            return page.state();
        }

        /** Waits until the live indicator has shown this text (also briefly, once {@link #recordStates()} ran). */
        void awaitState(String text) {
            page.awaitState(text);
        }

        void recordStates() {
            page.recordStates();
        }

        /** Puts a marker into the page's JavaScript state; a reload would remove it. */
        void markPage() {
            page.script("window.testMarker = true");
        }

        boolean pageIsTheSame() {
            return Boolean.TRUE.equals(page.script("return window.testMarker === true"));
        }

        /** Cuts the browser off the network (new connections fail), or reconnects it. */
        void goOffline(boolean offline) {
            page.offline(offline);
        }

        /** From the next page load on, every WebSocket closes before it opens, as behind a proxy that refuses them. */
        void refuseSockets() {
            page.beforeEveryPage("""
                    window.WebSocket = class extends EventTarget {
                        constructor() {
                            super();
                            setTimeout(() => this.dispatchEvent(new CloseEvent('close', { code: 1006 })), 10);
                        }
                        close() {}
                    };
                    """);
        }

        void reload() {
            page.reload();
        }

        void close() {
            page.close();
        }
    }
}
