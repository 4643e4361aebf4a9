package org.thesenforum.beamer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.ForumBrowser;

import io.quarkus.arc.Arc;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OpenConnections;

/**
 * The projector view in headless Chromium next to an expert's topic page: comments, the meeting's focus, joint demands
 * and a network drop reach them without a reload; a screenshot of the projector at 1920×1080 is kept under
 * {@code target/beamer-screenshots/}. Runs in {@code mvn verify} only.
 */
@QuarkusTest
class BeamerBrowserIT {

    static final Path SCREENSHOTS = Path.of("target", "beamer-screenshots");

    @TestHTTPResource("/")
    URL base;

    private final List<ForumBrowser> browsers = new ArrayList<>();
    private String slug;
    private long topic;

    @BeforeAll
    static void requireBrowser() {
        ForumBrowser.requireChromium();
    }

    @BeforeEach
    void freshDiscussion() {
        slug = BeamerData.discussion();
        topic = BeamerData.topic(slug, "Quartiere stärken");
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(ForumBrowser::close);
        BeamerData.drop(slug);
    }

    private ForumBrowser browser() {
        ForumBrowser browser = new ForumBrowser(base.toString());
        browsers.add(browser);
        return browser;
    }

    /** The projector: a 1920×1080 screen showing the view, its stream live. */
    private ForumBrowser projector() {
        ForumBrowser projector = browser();
        projector.viewport(1920, 1080);
        projector.visit("/discussions/" + slug + "/beamer");
        awaitLive(projector);
        projector.script("window.testMarker = true");
        return projector;
    }

    private static void awaitLive(ForumBrowser browser) {
        browser.wait.until(d -> "live".equals(browser.script("return document.getElementById('live').dataset.state")));
    }

    private static List<String> texts(ForumBrowser browser, String selector) {
        Object texts = browser.script("return [...document.querySelectorAll(arguments[0])]"
                + ".map((e) => e.textContent.trim())", selector);
        return ((List<?>) texts).stream().map(String::valueOf).toList();
    }

    private static boolean notReloaded(ForumBrowser browser) {
        return Boolean.TRUE.equals(browser.script("return window.testMarker === true"));
    }

    private long post(Fixtures.User author, String body) {
        return author.as().body(Map.of("body", body)).post("/api/topics/" + topic + "/comments").then()
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void commentsAndJointDemandsReachTheProjectorAndTheTopicPageWithoutReload() throws Exception {
        long raum = BeamerData.propose(slug, topic, "Räume für Begegnung");
        long personal = BeamerData.propose(slug, topic, "Feste Ansprechpersonen");
        BeamerData.propose(slug, topic, "Sprachcafés fördern");
        List<Long> items = BeamerData.agenda(slug, "TOPIC", topic, "DEMAND", personal);
        ForumBrowser projector = projector();
        ForumBrowser expert = browser();
        expert.signIn(Fixtures.expert(), "/topics/" + topic);
        expert.awaitState("live");
        expert.script("window.testMarker = true");
        assertEquals(List.of("3 Vorschläge in Arbeit"), texts(projector, "#beamer-proposals"));

        Fixtures.User anna = Fixtures.expert();
        long first = post(anna, "Wir brauchen **offene Räume** im Quartier.");
        projector.awaitElement(By.id("bc" + first));
        assertTrue(texts(projector, "#bc" + first + " .beamer-comment-meta").get(0).contains("These 1: Quartiere stärken"));
        expert.awaitElement(By.id("c" + first));

        // The moderator moves the focus to the thesis: its title, text and countdown appear on the projector.
        BeamerData.focus(slug, items.get(0));
        projector.wait.until(d -> texts(projector, "#beamer-focus-title").equals(List.of("Quartiere stärken")));
        assertTrue(texts(projector, ".beamer-now").get(0).contains("These 1"));
        // The expert's topic page follows too: its meeting banner names the item now under discussion.
        expert.wait.until(d -> texts(expert, "#meeting-banner .meeting-now").toString()
                .contains("These 1 — Quartiere stärken"));
        projector.wait.until(d -> texts(projector, "#beamer-countdown").toString().matches("\\[(19:5\\d|20:00)\\]"));

        BeamerData.pin(personal);
        projector.wait.until(d -> texts(projector, ".beamer-pinned .beamer-demand-title")
                .equals(List.of("Feste Ansprechpersonen")));
        expert.wait.until(d -> texts(expert, "#topic-demand-" + personal + " .demand-status").toString()
                .contains("Nr. 1"));
        BeamerData.pin(raum);
        projector.wait.until(d -> texts(projector, ".beamer-pinned .beamer-demand-title")
                .equals(List.of("Feste Ansprechpersonen", "Räume für Begegnung")));
        assertEquals(List.of("Nr. 1", "Nr. 2"), texts(projector, ".beamer-rank"));
        assertEquals(List.of("1 Vorschlag in Arbeit"), texts(projector, "#beamer-proposals"));
        assertTrue(texts(projector, "#bd" + raum + " .beamer-indicator").get(0).startsWith("offen"));

        // On to the joint demand: the projector shows its wording.
        BeamerData.focus(slug, items.get(1));
        projector.wait.until(d -> texts(projector, "#beamer-focus-title").equals(List.of("Feste Ansprechpersonen")));
        assertTrue(texts(projector, ".beamer-focus-text").get(0).contains("Wortlaut von Feste Ansprechpersonen"));
        expert.wait.until(d -> texts(expert, "#meeting-banner .meeting-now").toString()
                .contains("Feste Ansprechpersonen"));

        // A hidden comment leaves the projector too.
        Fixtures.moderator().as().body(Map.of("reason", "Test")).post("/api/comments/" + first + "/hide").then()
                .statusCode(200);
        projector.wait.until(d -> projector.elements(By.id("bc" + first)).isEmpty());

        assertTrue(notReloaded(projector), "the projector followed without a reload");
        assertTrue(notReloaded(expert), "the topic page followed without a reload");

        post(anna, "Und feste Ansprechpersonen, die bleiben.");
        post(Fixtures.moderator(), "Danke – wir nehmen beides in die Forderungen auf.");
        projector.wait.until(d -> texts(projector, ".beamer-comment").size() == 2);
        projector.screenshot(SCREENSHOTS.resolve("beamer.png"));
        assertTrue(Files.size(SCREENSHOTS.resolve("beamer.png")) > 10_000);
        projector.viewport(1280, 720);
        projector.wait.until(d -> Boolean.TRUE.equals(projector.script(
                "return document.documentElement.scrollHeight <= window.innerHeight + 1")));
        projector.screenshot(SCREENSHOTS.resolve("beamer-1280x720.png"));
    }

    @Test
    void afterANetworkDropTheProjectorCatchesUpWithoutReload() {
        long demand = BeamerData.propose(slug, topic, "Räume für Begegnung");
        ForumBrowser projector = projector();

        projector.offline(true);
        // What a restarting server does: every connection closes with 1012, and clients resume with since.
        Arc.container().instance(OpenConnections.class).get().forEach(c -> c
                .close(new CloseReason(1012, "service restart")).subscribe().with(ok -> { }, f -> { }));
        projector.wait.until(d -> !"live".equals(
                projector.script("return document.getElementById('live').dataset.state")));
        long comment = post(Fixtures.expert(), "Geschrieben, während der Beamer offline war.");
        BeamerData.pin(demand);
        projector.offline(false);

        projector.awaitElement(By.id("bc" + comment));
        projector.awaitElement(By.id("bd" + demand));
        awaitLive(projector);
        assertTrue(notReloaded(projector), "caught up without a reload");
    }
}
