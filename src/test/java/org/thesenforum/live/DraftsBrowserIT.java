package org.thesenforum.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.arc.Arc;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OpenConnections;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.ForumBrowser;

/**
 * Nothing typed is lost, and the connection indicator tells the truth: drafts of the comment forms, a session that
 * ends while someone writes, and the live state as headless Chromium shows it. The heartbeat is 2 s here, so a
 * silent connection counts as lost after 5 s. Runs in {@code mvn verify} only.
 */
@QuarkusTest
@TestProfile(DraftsBrowserIT.ShortHeartbeat.class)
class DraftsBrowserIT {

    private static final String RESTORED = "Entwurf wiederhergestellt";
    private static final String LIVE = "live";
    private static final String OFFLINE = "offline – versuche es wieder";
    private static final String POLLING = "offline – aktualisiert alle 5 s";
    private static final By SESSION_NOTICE = By.id("session-notice");
    private static final By PAGE_STATUS = By.id("page-status");

    /** A heartbeat short enough to see a silent connection counted as lost within a test's patience. */
    public static class ShortHeartbeat implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("forum.live.heartbeat", "2s");
        }
    }

    @TestHTTPResource("/")
    URL base;

    private final List<ForumBrowser> browsers = new ArrayList<>();

    @BeforeAll
    static void requireBrowser() {
        ForumBrowser.requireChromium();
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(ForumBrowser::close);
    }

    // ---------------------------------------------------------------- drafts

    @Test
    void aCommentDraftSurvivesAReloadAndIsClearedOnceThePostIsPublished() {
        long topic = Fixtures.freshTopic();
        ForumBrowser anna = open(Fixtures.expert(), topic);
        anna.field("Ihr Beitrag").sendKeys("Ein Gedanke, der nicht verloren gehen soll.");

        anna.reload();
        WebElement note = anna.awaitElement(By.cssSelector("#new-comment .draft-note"));
        assertTrue(note.getText().startsWith(RESTORED), note.getText());
        assertEquals("Ein Gedanke, der nicht verloren gehen soll.", anna.field("Ihr Beitrag").getDomProperty("value"));
        awaitAnnounced(anna, RESTORED);
        assertTrue(anna.field("Ihr Beitrag").getDomAttribute("aria-describedby").contains(note.getDomAttribute("id")));

        anna.button("Beitrag veröffentlichen").click();
        long id = anna.commentIdFromUrl();
        assertTrue(anna.awaitElement(By.id("c" + id)).getText()
                .contains("Ein Gedanke, der nicht verloren gehen soll."));
        anna.wait.until(d -> anna.draftKeys().isEmpty());
        assertEquals("", anna.field("Ihr Beitrag").getDomProperty("value"));
        anna.reload();
        anna.awaitState(LIVE);
        assertTrue(anna.elements(By.cssSelector(".draft-note")).isEmpty(), "nothing to restore after publishing");
    }

    @Test
    void replyAndEditDraftsAreKeptPerCommentAndReopenTheirForms() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        long own = Fixtures.comment(topic, author, "Meine erste Fassung.", null);
        long other = Fixtures.comment(topic, Fixtures.expert(), "Ein anderer Beitrag.", null);
        ForumBrowser browser = open(author, topic);
        browser.openAction(other, "Antworten").findElement(By.tagName("textarea")).sendKeys("Halbe Antwort");
        WebElement edit = browser.openAction(own, "Bearbeiten").findElement(By.tagName("textarea"));
        edit.sendKeys(" Mit Ergänzung.");

        browser.reload();
        // The page's one reply form and one edit form open again where their drafts belong.
        browser.awaitElement(By.cssSelector("#c" + other + " > article > #reply-form .draft-note"));
        browser.awaitElement(By.cssSelector("#c" + own + " > article > #edit-form .draft-note"));
        assertEquals("Halbe Antwort", valueOf(browser, "reply-form-body"));
        assertEquals("Meine erste Fassung. Mit Ergänzung.", valueOf(browser, "edit-form-body"));
        assertEquals(2, browser.draftKeys().size());

        // Discarding the edit draft brings back the comment's text and forgets only that draft.
        browser.awaitElement(By.cssSelector("#edit-form .draft-note button")).click();
        assertEquals("Meine erste Fassung.", valueOf(browser, "edit-form-body"));
        assertEquals(1, browser.draftKeys().size());

        browser.awaitElement(By.id("reply-form")).findElement(By.xpath(".//button[@type='submit']")).click();
        long reply = browser.commentIdFromUrl();
        assertEquals(String.valueOf(other), browser.awaitElement(By.id("c" + reply)).getDomAttribute("data-parent-id"));
        browser.wait.until(d -> browser.draftKeys().isEmpty());
    }

    // ---------------------------------------------------------------- the session ends while someone writes

    @Test
    void whenTheSessionEndsWhileWritingPublishKeepsTheTextAndTheLoginLeadsBack() {
        long topic = Fixtures.freshTopic();
        User expert = Fixtures.expert();
        ForumBrowser browser = open(expert, topic);
        browser.field("Ihr Beitrag").sendKeys("Geschrieben, während die Sitzung endet.");
        endSessionsOf(expert);

        browser.button("Beitrag veröffentlichen").click();
        WebElement notice = browser.awaitElement(SESSION_NOTICE);
        assertTrue(notice.getText().startsWith("Ihre Sitzung wurde beendet."), notice.getText());
        assertEquals("alert", notice.getDomAttribute("role"));
        assertEquals(browser.url("/topics/" + topic), browser.currentUrl(), "the page stays where it was");
        assertEquals("Geschrieben, während die Sitzung endet.", browser.field("Ihr Beitrag").getDomProperty("value"));
        assertEquals("Erneut anmelden", browser.focused().getText(), "the login link has the focus");
        assertEquals(0, Fixtures.commentCount(topic));

        browser.link("Erneut anmelden").click();
        browser.wait.until(ExpectedConditions.urlToBe(browser.url("/login?next=%2Ftopics%2F" + topic)));
        browser.fillLogin(expert);
        browser.wait.until(ExpectedConditions.urlToBe(browser.url("/topics/" + topic)));
        browser.awaitElement(By.cssSelector("#new-comment .draft-note"));
        assertEquals("Geschrieben, während die Sitzung endet.", browser.field("Ihr Beitrag").getDomProperty("value"));

        browser.button("Beitrag veröffentlichen").click();
        long id = browser.commentIdFromUrl();
        assertTrue(browser.awaitElement(By.id("c" + id)).getText().contains("Geschrieben, während die Sitzung endet."));
        browser.wait.until(d -> browser.draftKeys().isEmpty());
    }

    @Test
    void whenThePageCannotCheckTheSessionTheServerStillLeadsBackToTheTopicPage() {
        long topic = Fixtures.freshTopic();
        User expert = Fixtures.expert();
        ForumBrowser browser = open(expert, topic);
        browser.field("Ihr Beitrag").sendKeys("Ohne Vorabprüfung abgeschickt.");
        endSessionsOf(expert);
        browser.blockUrls("*/api/me");

        // The form goes out as without JavaScript: the server sends it to the login, which returns to the topic.
        browser.button("Beitrag veröffentlichen").click();
        browser.wait.until(ExpectedConditions.urlToBe(browser.url("/login?next=%2Ftopics%2F" + topic)));
        browser.fillLogin(expert);
        browser.wait.until(ExpectedConditions.urlToBe(browser.url("/topics/" + topic)));
        browser.awaitElement(By.cssSelector("#new-comment .draft-note"));
        assertEquals("Ohne Vorabprüfung abgeschickt.", browser.field("Ihr Beitrag").getDomProperty("value"));
        assertEquals(0, Fixtures.commentCount(topic));
    }

    @Test
    void aConnectionClosedWith4401ShowsTheNoticeAtOnceAndReconnectsAsReader() {
        long topic = Fixtures.freshTopic();
        User expert = Fixtures.expert();
        ForumBrowser browser = open(expert, topic);
        browser.field("Ihr Beitrag").sendKeys("Text, der bleibt.");
        browser.recordStates();
        endSessionsOf(expert);

        // What the server does when a session ends; here on every connection, to see the page's side on its own.
        OpenConnections connections = Arc.container().instance(OpenConnections.class).get();
        connections.forEach(c -> c.close(new CloseReason(4401, "session ended")).subscribe().with(ok -> { }, f -> { }));
        assertSessionEndedNoticeWhileWriting(browser, topic);
    }

    /**
     * Ending a session elsewhere closes its live connections with 4401, and the page says so before its reader tries
     * to send anything. Needs the server side of 4401 (sessions' sockets closed when a session ends).
     */
    @Test
    void aSessionEndedElsewhereIsShownAtOnceWhileWriting() {
        long topic = Fixtures.freshTopic();
        User expert = Fixtures.expert();
        ForumBrowser browser = open(expert, topic);
        browser.field("Ihr Beitrag").sendKeys("Text, der bleibt.");
        browser.recordStates();

        endSessionsOf(expert);
        assertSessionEndedNoticeWhileWriting(browser, topic);
    }

    private static void assertSessionEndedNoticeWhileWriting(ForumBrowser browser, long topic) {
        WebElement notice = browser.awaitElement(SESSION_NOTICE);
        assertTrue(notice.getText().startsWith("Ihre Sitzung wurde beendet."), notice.getText());
        WebElement login = notice.findElement(By.linkText("Erneut anmelden"));
        assertEquals("/login?next=%2Ftopics%2F" + topic, login.getDomAttribute("href"));
        assertEquals("Text, der bleibt.", browser.field("Ihr Beitrag").getDomProperty("value"));
        browser.awaitState("verbinde neu …");
        browser.awaitState(LIVE);

        // Reconnected as a reader: a comment by someone else still arrives, without its reply form.
        long id = post(Fixtures.expert(), topic, "Kommt trotzdem an.");
        WebElement pushed = browser.awaitElement(By.id("c" + id));
        assertTrue(pushed.findElements(By.cssSelector("form")).isEmpty(), "no forms for a reader who is signed out");
        assertEquals("Text, der bleibt.", browser.field("Ihr Beitrag").getDomProperty("value"));
    }

    // ---------------------------------------------------------------- the connection indicator

    @Test
    void theIndicatorSaysLiveOnlyWhileFramesArrive() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        long last = 0;
        for (int i = 0; i < 12; i++) {
            last = Fixtures.comment(topic, author, "Beitrag " + i + " einer langen Seite.\n\nZweiter Absatz.", null);
        }
        ForumBrowser browser = new ForumBrowser(base.toString());
        browsers.add(browser);
        // Lets the test silence incoming frames while the connection itself stays open, as a stalled proxy would.
        browser.beforeEveryPage("""
                window.testMuted = false;
                const NativeSocket = window.WebSocket;
                window.WebSocket = class extends NativeSocket {
                    addEventListener(type, listener, options) {
                        if (type !== 'message') {
                            return super.addEventListener(type, listener, options);
                        }
                        return super.addEventListener(type, (event) => {
                            if (!window.testMuted) {
                                listener.call(this, event);
                            }
                        }, options);
                    }
                };
                """);
        browser.signIn(Fixtures.expert(), "/topics/" + topic);
        browser.awaitState(LIVE);

        // While writing at the end of a long page, the indicator is still in view.
        WebElement reply = browser.openAction(last, "Antworten").findElement(By.tagName("textarea"));
        reply.sendKeys("Unten auf der Seite");
        assertTrue(((Number) browser.script("return window.scrollY")).doubleValue() > 300, "scrolled down");
        Number top = (Number) browser.script(
                "return document.getElementById('live-state').getBoundingClientRect().top");
        assertTrue(top.doubleValue() >= 0 && top.doubleValue() < 60, "the indicator is in view, at " + top);

        browser.recordStates();
        browser.script("window.testMuted = true");
        browser.awaitState(OFFLINE);
        browser.script("window.testMuted = false; window.testStates = []");
        browser.awaitState(LIVE);
        long id = post(author, topic, "Wieder live.");
        browser.awaitElement(By.id("c" + id));
        assertEquals(LIVE, browser.state());
        assertFalse(browser.states().contains(POLLING), "never claimed to poll: " + browser.states());
    }

    @Test
    void thePollingTextShowsOnlyWhilePollingWorks() {
        long topic = Fixtures.freshTopic();
        ForumBrowser browser = new ForumBrowser(base.toString());
        browsers.add(browser);
        // No WebSocket gets through, and the HTTP feed fails until the test lets it through.
        browser.beforeEveryPage("""
                window.WebSocket = class extends EventTarget {
                    constructor() {
                        super();
                        setTimeout(() => this.dispatchEvent(new CloseEvent('close', { code: 1006 })), 10);
                    }
                    close() {}
                };
                window.testPolls = 0;
                window.testFeedDown = true;
                const nativeFetch = window.fetch.bind(window);
                window.fetch = (input, init) => {
                    if (String(input).includes('/changes')) {
                        window.testPolls++;
                        if (window.testFeedDown) {
                            return Promise.reject(new TypeError('Failed to fetch'));
                        }
                    }
                    return nativeFetch(input, init);
                };
                """);
        browser.signIn(Fixtures.expert(), "/topics/" + topic);
        browser.recordStates();
        browser.wait.until(d -> ((Number) browser.script("return window.testPolls")).intValue() >= 2);
        assertEquals(OFFLINE, browser.state());
        assertFalse(browser.states().contains(POLLING), "claimed to poll while the feed failed: " + browser.states());

        browser.script("window.testFeedDown = false");
        browser.awaitState(POLLING);
        long id = post(Fixtures.expert(), topic, "Über die HTTP-Abfrage.");
        browser.awaitElement(By.id("c" + id));
        assertEquals(POLLING, browser.state());
    }

    @Test
    void aLockIsAnnouncedAndTheDisabledButtonLooksDisabled() {
        long topic = Fixtures.freshTopic();
        ForumBrowser browser = open(Fixtures.expert(), topic);
        WebElement submit = browser.button("Beitrag veröffentlichen");
        String enabledBackground = submit.getCssValue("background-color");

        Fixtures.moderator().as().post("/api/topics/" + topic + "/lock").then().statusCode(200);
        browser.wait.until(d -> !submit.isEnabled());
        awaitAnnounced(browser,
                "Dieses Thema ist gesperrt: Neue Beiträge, Antworten und Änderungen sind nicht möglich.");
        assertEquals("not-allowed", submit.getCssValue("cursor"));
        assertFalse(enabledBackground.equals(submit.getCssValue("background-color")),
                "a disabled button looks different");
    }

    // ---------------------------------------------------------------- helpers

    private static long post(User author, long topic, String body) {
        return author.as().body(Map.of("body", body)).post("/api/topics/" + topic + "/comments")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static String valueOf(ForumBrowser browser, String id) {
        return (String) browser.script("return document.getElementById(arguments[0]).value", id);
    }

    /** Waits until the page's polite status region (visually hidden, so read as textContent) says this. */
    private static void awaitAnnounced(ForumBrowser browser, String text) {
        browser.wait.until(d -> text.equals(browser.awaitPresent(PAGE_STATUS).getDomProperty("textContent")));
    }

    private ForumBrowser open(User user, long topic) {
        ForumBrowser browser = new ForumBrowser(base.toString());
        browsers.add(browser);
        browser.signIn(user, "/topics/" + topic);
        browser.awaitState(LIVE);
        return browser;
    }

    /**
     * Ends every session of the account from another client. A role change does that (as do signing out everywhere,
     * disabling the account and a new password), and keeps doing it when signing out ends only one device's session.
     */
    private static void endSessionsOf(User user) {
        Fixtures.admin().as().body(Map.of("role", "MODERATOR")).put("/api/accounts/" + user.id() + "/role")
                .then().statusCode(200);
    }
}
