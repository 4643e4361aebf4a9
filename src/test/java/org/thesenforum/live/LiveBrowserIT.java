package org.thesenforum.live;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

        // Ben answers in the form that arrived with the pushed comment (its CSRF field was filled in by the page).
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
        reader.awaitElement(By.cssSelector(".notice-locked[data-topic-status]"));
        WebElement submit = reader.awaitElement(By.cssSelector("#new-comment button[type='submit']"));
        reader.wait.until(d -> !submit.isEnabled());
        assertEquals("Noch nicht abgeschickt", body.getDomProperty("value"));

        moderator.as().post("/api/topics/" + topic + "/unlock").then().statusCode(200);
        reader.wait.until(d -> submit.isEnabled());
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
            page.byId("reply-" + commentId)
                    .findElement(By.xpath(".//button[normalize-space()='Antwort veröffentlichen']")).click();
            return page.commentIdFromUrl();
        }

        /** Opens "Antworten" under a comment and types into the reply field, which keeps the focus. */
        WebElement openReply(long commentId, String text) {
            replySummary(commentId).click();
            WebElement field = page.field("Ihre Antwort an " + page.byId("c" + commentId + "-label").getText());
            field.sendKeys(text);
            return field;
        }

        void closeReply(long commentId) {
            replySummary(commentId).click();
        }

        private WebElement replySummary(long commentId) {
            return page.byId("c" + commentId).findElement(By.xpath("./article//summary[normalize-space()='Antworten']"));
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
