package org.thesenforum.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;

import io.quarkus.arc.Arc;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The live layer as readers meet it: two signed-in browsers (headless Chromium) on the same topic. Runs in
 * {@code mvn verify} only; on CI a missing browser fails the run instead of skipping it.
 */
@QuarkusTest
class LiveBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TestHTTPResource("/")
    URL base;

    private final List<Browser> browsers = new ArrayList<>();

    @BeforeAll
    static void requireBrowser() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String message = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + " (Debian: apt-get install chromium chromium-driver)";
        if ("true".equals(System.getenv("CI"))) {
            fail(message);
        }
        assumeTrue(false, message + "; skipped outside CI");
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
        Arc.container().instance(LiveHub.class).get().closeAll();
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

    // ---------------------------------------------------------------- browser

    private Browser open(User user, long topic) {
        Browser browser = new Browser(base.toString().replaceAll("/$", ""));
        browsers.add(browser);
        browser.signIn(user, "/topics/" + topic);
        browser.awaitState("live");
        return browser;
    }

    /** One headless Chromium with its own profile, so each browser has its own session. */
    static final class Browser {

        private final String base;
        private final Path profile;
        private final ChromeDriver driver;
        private final WebDriverWait wait;

        Browser(String base) {
            this.base = base;
            try {
                profile = Files.createTempDirectory("thesenforum-chromium-");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--lang=de-DE", "--window-size=1280,900", "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "de-DE,de"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
            wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(50));
        }

        void visit(String path) {
            driver.get(base + path);
            awaitState("live");
        }

        void signIn(User user, String next) {
            driver.get(base + "/login?next=" + next);
            field("E-Mail-Adresse").sendKeys(user.email());
            field("Passwort").sendKeys(Fixtures.PASSWORD);
            button("Anmelden").click();
            wait.until(ExpectedConditions.urlToBe(base + next));
        }

        /** Writes a new comment in the form at the top and returns its id (the page reloads at it). */
        long writeComment(String text) {
            field("Ihr Beitrag").sendKeys(text);
            button("Beitrag veröffentlichen").click();
            return idFromUrl();
        }

        /** Opens "Antworten" under a comment, writes and sends a reply; returns its id. */
        long reply(long commentId, String text) {
            openReply(commentId, text);
            driver.findElement(By.id("reply-" + commentId))
                    .findElement(By.xpath(".//button[normalize-space()='Antwort veröffentlichen']")).click();
            return idFromUrl();
        }

        /** Opens "Antworten" under a comment and types into the reply field, which keeps the focus. */
        WebElement openReply(long commentId, String text) {
            replySummary(commentId).click();
            WebElement field = field("Ihre Antwort an " + driver.findElement(By.id("c" + commentId + "-label")).getText());
            field.sendKeys(text);
            return field;
        }

        void closeReply(long commentId) {
            replySummary(commentId).click();
        }

        private WebElement replySummary(long commentId) {
            return driver.findElement(By.id("c" + commentId))
                    .findElement(By.xpath("./article//summary[normalize-space()='Antworten']"));
        }

        WebElement focused() {
            return driver.switchTo().activeElement();
        }

        /** Takes the focus away from any control (a click could land on the sticky live bar instead). */
        void focusNothing() {
            ((JavascriptExecutor) driver).executeScript("document.activeElement.blur()");
        }

        List<WebElement> elements(By by) {
            return driver.findElements(by);
        }

        private long idFromUrl() {
            try {
                wait.until(ExpectedConditions.urlMatches("#c\\d+$"));
            } catch (org.openqa.selenium.TimeoutException e) {
                String text = driver.findElement(By.tagName("body")).getText();
                throw new AssertionError("no redirect to the new comment; the page at " + driver.getCurrentUrl()
                        + " says: " + text.substring(0, Math.min(1500, text.length())), e);
            }
            String url = driver.getCurrentUrl();
            return Long.parseLong(url.substring(url.lastIndexOf("#c") + 2));
        }

        WebElement awaitComment(long id) {
            return awaitElement(By.id("c" + id));
        }

        WebElement awaitElement(By by) {
            return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
        }

        void awaitCount(int n) {
            awaitText(By.id("thread-count"), "(" + n + ")");
        }

        void awaitText(By by, String text) {
            wait.until(ExpectedConditions.textToBe(by, text));
        }

        String text(By by) {
            return driver.findElement(by).getText();
        }

        String state() {
            return text(By.cssSelector("#live [role=status]"));
        }

        /** Waits until the live indicator (role=status) has shown this text. */
        void awaitState(String text) {
            wait.until(d -> {
                WebElement status = d.findElement(By.cssSelector("#live [role=status]"));
                if (text.equals(status.getText())) {
                    return true;
                }
                Object seen = ((JavascriptExecutor) d).executeScript("return window.testStates || []");
                return seen instanceof List<?> list && list.contains(text);
            });
        }

        /** Remembers every text the indicator shows, so short states are not missed between two polls. */
        void recordStates() {
            ((JavascriptExecutor) driver).executeScript("""
                    const status = document.querySelector('#live [role=status]');
                    window.testStates = [status.textContent];
                    new MutationObserver(() => window.testStates.push(status.textContent))
                        .observe(status, { childList: true, characterData: true, subtree: true });
                    """);
        }

        /** Puts a marker into the page's JavaScript state; a reload would remove it. */
        void markPage() {
            ((JavascriptExecutor) driver).executeScript("window.testMarker = true");
        }

        boolean pageIsTheSame() {
            return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("return window.testMarker === true"));
        }

        /** Cuts the browser off the network (new connections fail), or reconnects it. */
        void goOffline(boolean offline) {
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
        }

        /** From the next page load on, every WebSocket closes before it opens, as behind a proxy that refuses them. */
        void refuseSockets() {
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                    window.WebSocket = class extends EventTarget {
                        constructor() {
                            super();
                            setTimeout(() => this.dispatchEvent(new CloseEvent('close', { code: 1006 })), 10);
                        }
                        close() {}
                    };
                    """));
        }

        void reload() {
            driver.navigate().refresh();
        }

        private WebElement field(String label) {
            WebElement l = driver.findElement(By.xpath("//label[normalize-space()='" + label + "']"));
            return driver.findElement(By.id(l.getAttribute("for")));
        }

        private WebElement button(String name) {
            return driver.findElement(By.xpath("//button[normalize-space()='" + name + "']"));
        }

        void close() {
            try {
                driver.quit();
            } finally {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                } catch (IOException e) {
                    // a leftover temp profile does no harm
                }
            }
        }
    }
}
