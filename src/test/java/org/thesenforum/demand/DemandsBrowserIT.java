package org.thesenforum.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.ForumBrowser;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The demands page in two headless Chromium browsers: a moderator pins and reorders with the page's buttons, a
 * second person watching the same page sees the joint demands move to the top without reloading. Runs in
 * {@code mvn verify} only.
 */
@QuarkusTest
class DemandsBrowserIT {

    @TestHTTPResource("/")
    URL base;

    private final List<ForumBrowser> browsers = new ArrayList<>();
    private String slug;
    private String page;

    @BeforeAll
    static void requireBrowser() {
        ForumBrowser.requireChromium();
    }

    @BeforeEach
    void freshDiscussion() {
        slug = BoardData.discussion();
        page = "/discussions/" + slug + "/demands";
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(ForumBrowser::close);
        BoardData.drop(slug);
    }

    private ForumBrowser open(Fixtures.User user) {
        ForumBrowser browser = new ForumBrowser(base.toString());
        browsers.add(browser);
        browser.signIn(user, page);
        browser.awaitState("live");
        return browser;
    }

    /** The titles of the joint demands as the page shows them, top to bottom (read at once: the board is live). */
    private static List<String> pinned(ForumBrowser browser) {
        return textsOf(browser, "#demands-pinned > li .demand-title");
    }

    private static List<String> textsOf(ForumBrowser browser, String selector) {
        Object texts = browser.script("return [...document.querySelectorAll(arguments[0])]"
                + ".map((e) => e.textContent.trim())", selector);
        return ((List<?>) texts).stream().map(String::valueOf).toList();
    }

    private static void press(ForumBrowser browser, long demand, String formAction, String buttonClass) {
        browser.awaitElement(By.cssSelector("#d" + demand + " form[action='/demands/" + demand + "/" + formAction
                + "'] button." + buttonClass)).click();
        browser.wait.until(d -> d.getCurrentUrl().endsWith("#d" + demand));
    }

    @Test
    void aModeratorPinsAndReordersAndTheOtherBrowserSeesThemMoveToTheTopLive() {
        long topic = BoardData.topic(slug, "Quartiere stärken");
        long raum = BoardData.onTopic(topic, Fixtures.expert(), "Räume für Begegnung", false);
        long personal = BoardData.onTopic(topic, Fixtures.expert(), "Feste Ansprechpersonen", false);
        BoardData.onTopic(topic, Fixtures.expert(), "Sprachcafés fördern", false);
        ForumBrowser moderator = open(Fixtures.moderator());
        ForumBrowser expert = open(Fixtures.expert());
        expert.script("window.testMarker = true");
        assertEquals(List.of(), pinned(expert));

        press(moderator, raum, "pin", "pin-submit");
        press(moderator, personal, "pin", "pin-submit");
        expert.wait.until(d -> pinned(expert).equals(List.of("Räume für Begegnung", "Feste Ansprechpersonen")));

        press(moderator, personal, "move", "move-up");
        expert.wait.until(d -> pinned(expert).equals(List.of("Feste Ansprechpersonen", "Räume für Begegnung")));
        assertTrue(textsOf(expert, "#d" + personal + " .demand-status").toString().contains("Nr. 1"));
        assertTrue(expert.elements(By.cssSelector("#demands-proposals #d" + raum)).isEmpty(),
                "a joint demand is no longer listed among the proposals");
        assertEquals(Boolean.TRUE, expert.script("return window.testMarker === true"),
                "the page followed without a reload");
        // The expert's own forms still work on the refreshed board.
        expert.awaitElement(By.cssSelector("#d" + personal + " .support-form button")).click();
        expert.wait.until(d -> d.getCurrentUrl().endsWith("#d" + personal));
        assertEquals(List.of(expert.text(By.cssSelector("#d" + personal + " .supported"))),
                List.of("Sie unterstützen diese Forderung."));
    }

    @Test
    void aModeratorDragsAJointDemandToTheTopAndTheOrderIsSavedForEveryone() {
        long topic = BoardData.topic(slug, "Quartiere stärken");
        BoardData.onTopic(topic, Fixtures.expert(), "Erste", true);
        BoardData.onTopic(topic, Fixtures.expert(), "Zweite", true);
        long third = BoardData.onTopic(topic, Fixtures.expert(), "Dritte", true);
        ForumBrowser moderator = open(Fixtures.moderator());
        ForumBrowser expert = open(Fixtures.expert());
        // The browser's own drag and drop, as a mouse makes it: dragstart, dragover the top card's upper half, drop.
        moderator.script("""
                const card = document.getElementById(arguments[0]);
                const top = document.querySelector('#demands-pinned > .demand-card');
                const data = new DataTransfer();
                const box = top.getBoundingClientRect();
                const at = { bubbles: true, cancelable: true, dataTransfer: data, clientX: box.left + 10, clientY: box.top + 2 };
                card.dispatchEvent(new DragEvent('dragstart', at));
                top.dispatchEvent(new DragEvent('dragover', at));
                top.dispatchEvent(new DragEvent('drop', at));
                card.dispatchEvent(new DragEvent('dragend', at));
                """, "d" + third);
        moderator.wait.until(d -> BoardData.ranks(slug).size() == 3 && pinned(moderator).get(0).equals("Dritte")
                && titlesByRank().equals(List.of("Dritte", "Erste", "Zweite")));
        expert.wait.until(d -> pinned(expert).equals(List.of("Dritte", "Erste", "Zweite")));
        assertEquals(List.of(1, 2, 3), BoardData.ranks(slug));
    }

    private List<String> titlesByRank() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Demand.<Demand>list(
                "discussion.slug = ?1 and status = ?2 order by pinRank", slug, Demand.Status.PINNED)
                .stream().map(d -> d.title).toList());
    }

    @Test
    void aTopicPageShowsItsDemandsAndTheCommentTheyGrewOutOfLive() {
        long topic = BoardData.topic(slug, "Quartiere stärken");
        long comment = Fixtures.comment(topic, Fixtures.expert(), "Wir brauchen Räume.", null);
        ForumBrowser expert = new ForumBrowser(base.toString());
        browsers.add(expert);
        expert.signIn(Fixtures.expert(), "/topics/" + topic);
        expert.awaitState("live");
        expert.script("window.testMarker = true");

        long id = Fixtures.expert().as().body(java.util.Map.of("title", "Räume für Begegnung", "text", "Offen.",
                "topicIds", List.of(topic), "originCommentId", comment))
                .post("/api/discussions/" + slug + "/demands").then().statusCode(201).extract().jsonPath().getLong("id");
        expert.awaitElement(By.cssSelector("#topic-sections #topic-demand-" + id));
        expert.awaitElement(By.cssSelector("#c" + comment + "-notes a[href$='#d" + id + "']"));
        Fixtures.moderator().as().body(java.util.Map.of()).put("/api/demands/" + id + "/pin").then().statusCode(200);
        expert.wait.until(d -> textsOf(expert, "#topic-demand-" + id + " .demand-status").toString().contains("Nr. 1"));
        assertEquals(Boolean.TRUE, expert.script("return window.testMarker === true"), "without a reload");
    }

    @Test
    void aProposalTypedWhileTheSessionEndsIsKeptAndSentAfterSigningInAgain() {
        long topic = BoardData.topic(slug, "Quartiere stärken");
        Fixtures.User expert = Fixtures.expert();
        ForumBrowser browser = open(expert);
        browser.field("Titel (höchstens 200 Zeichen)").sendKeys("Feste Ansprechpersonen");
        browser.field("Wortlaut").sendKeys("Jedes Quartier bekommt feste Ansprechpersonen.");
        browser.awaitElement(By.cssSelector("input[name='topicIds'][value='" + topic + "']")).click();
        // What a role change does: every session of the account ends.
        Fixtures.admin().as().body(java.util.Map.of("role", "MODERATOR")).put("/api/accounts/" + expert.id() + "/role")
                .then().statusCode(200);

        browser.button("Vorschlagen").click();
        WebElement notice = browser.awaitElement(By.id("session-notice"));
        assertTrue(notice.getText().startsWith("Ihre Sitzung wurde beendet."), notice.getText());
        assertEquals(0, BoardData.demandCount(slug), "nothing was sent without a session");

        browser.link("Erneut anmelden").click();
        browser.fillLogin(expert);
        browser.wait.until(d -> d.getCurrentUrl().endsWith(page));
        browser.awaitElement(By.cssSelector("#vorschlag .draft-note"));
        assertEquals("Jedes Quartier bekommt feste Ansprechpersonen.",
                browser.byId("propose-text").getDomProperty("value"));
        assertEquals(Boolean.TRUE, browser.script("return document.querySelector(\"input[name='topicIds'][value='"
                + topic + "']\").checked"), "the ticked topic is ticked again");

        browser.button("Vorschlagen").click();
        browser.wait.until(d -> d.getCurrentUrl().matches(".*#d\\d+$"));
        assertEquals(1, BoardData.demandCount(slug));
        browser.wait.until(d -> browser.draftKeys().isEmpty());
    }

    @Test
    void aCardTheReaderIsTypingInWaitsUntilTheyLeaveIt() {
        long topic = BoardData.topic(slug, "Quartiere stärken");
        long demand = BoardData.onTopic(topic, Fixtures.expert(), "Räume für Begegnung", false);
        ForumBrowser expert = open(Fixtures.expert());
        WebElement objection = expert.awaitElement(By.id("d" + demand + "-objection"));
        objection.sendKeys("die Räume abends offen sind");

        Fixtures.moderator().as().post("/api/demands/" + demand + "/voting/close").then().statusCode(200);
        expert.awaitElement(By.cssSelector("#d" + demand + " .live-updated"));
        assertEquals("die Räume abends offen sind", expert.byId("d" + demand + "-objection").getDomProperty("value"),
                "typed text is never swapped away");
        assertTrue(expert.elements(By.cssSelector("#d" + demand + ".voting-closed")).isEmpty());

        // Once the reader lets go of the card, it is brought up to date: voting is closed there too.
        expert.script("const field = document.getElementById(arguments[0]); field.value = ''; field.blur();",
                "d" + demand + "-objection");
        expert.awaitPresent(By.cssSelector("#d" + demand + ".voting-closed"));
        assertTrue(expert.elements(By.cssSelector("#d" + demand + " .live-updated")).isEmpty());
    }
}
