package org.thesenforum.meeting;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.ForumBrowser;

import static org.thesenforum.meeting.MeetingFixtures.START;
import static org.thesenforum.meeting.MeetingFixtures.agenda;
import static org.thesenforum.meeting.MeetingFixtures.item;

/**
 * The meeting as the room meets it in headless Chromium: the banner appears on an open page when the moderators set
 * the focus, counts down, leads to the item, and "Moderation folgen" moves the reader along. Runs in {@code mvn verify}.
 */
@QuarkusTest
class MeetingBrowserIT {

    private static final String MEETING = MeetingFixtures.MEETING;

    @TestHTTPResource("/")
    URL base;

    private final List<ForumBrowser> browsers = new ArrayList<>();
    private User moderator;

    @BeforeAll
    static void requireBrowser() {
        ForumBrowser.requireChromium();
    }

    @BeforeEach
    void noMeeting() {
        MeetingFixtures.noMeeting();
        moderator = Fixtures.moderator();
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(ForumBrowser::close);
    }

    private ForumBrowser open(String path) {
        ForumBrowser browser = new ForumBrowser(base.toString());
        browsers.add(browser);
        browser.visit(path);
        browser.awaitState("live");
        return browser;
    }

    private List<Long> agendaOfTheses() {
        return moderator.as().body(agenda(item("TOPIC", Fixtures.thesis(1), null, START, 30),
                item("TOPIC", Fixtures.thesis(2), null, START, 20))).put(MEETING + "/agenda").then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class);
    }

    private void focus(long itemId) {
        moderator.as().body(Map.of("itemId", itemId)).put(MEETING + "/focus").then().statusCode(200);
    }

    @Test
    void theBannerAppearsOnAnOpenPageCountsDownAndLeadsToTheItem() {
        ForumBrowser reader = open("/topics/" + Fixtures.thesis(3));
        assertFalse(reader.byId("meeting-banner").isDisplayed());
        focus(agendaOfTheses().get(0));
        WebElement banner = reader.awaitElement(By.id("meeting-banner"));
        reader.wait.until(d -> d.findElement(By.id("meeting-banner")).getText().contains("Jetzt: These 1 — "));
        // 30 planned minutes that began a moment ago: the countdown shows 29:xx or 30:00 on the server's clock.
        reader.wait.until(d -> d.findElement(By.cssSelector("#meeting-banner .meeting-countdown")).getText()
                .matches("noch (29:[0-5]\\d|30:00)"));
        assertTrue(banner.isDisplayed());
        reader.byId("meeting-banner").findElement(By.partialLinkText("Jetzt: These 1")).click();
        reader.wait.until(ExpectedConditions.urlToBe(reader.url("/topics/" + Fixtures.thesis(1))));
    }

    @Test
    void followingTheModerationMovesTheReaderAlong() {
        List<Long> items = agendaOfTheses();
        focus(items.get(0));
        ForumBrowser reader = open("/discussions/" + Fixtures.SLUG);
        WebElement follow = reader.awaitElement(By.id("meeting-follow"));
        follow.click();
        // Switching it on goes to the item now discussed.
        reader.wait.until(ExpectedConditions.urlToBe(reader.url("/topics/" + Fixtures.thesis(1))));
        reader.awaitState("live");
        assertTrue(reader.byId("meeting-follow").isSelected(), "the switch is remembered on the next page");
        focus(items.get(1));
        reader.wait.until(ExpectedConditions.urlToBe(reader.url("/topics/" + Fixtures.thesis(2))));
        reader.wait.until(d -> d.findElement(By.id("meeting-banner")).getText().contains("Jetzt: These 2 — "));
    }

    @Test
    void theProjectorModuleRendersTheCurrentItemAndFollowsTheStream() {
        List<Long> items = agendaOfTheses();
        focus(items.get(0));
        ForumBrowser projector = open("/discussions/" + Fixtures.SLUG);
        projector.script("const el = document.createElement('div'); el.id = 'projector'; document.body.append(el);"
                + "import('/js/live/meeting.js').then((m) => m.mountMeeting(el, arguments[0]));", Fixtures.SLUG);
        projector.wait.until(d -> d.findElement(By.cssSelector("#projector [data-meeting-heading]")).getText()
                .startsWith("These 1 — "));
        projector.wait.until(d -> d.findElement(By.cssSelector("#projector [data-meeting-countdown]")).getText()
                .matches("29:[0-5]\\d|30:00"));
        focus(items.get(1));
        projector.wait.until(d -> d.findElement(By.cssSelector("#projector [data-meeting-heading]")).getText()
                .startsWith("These 2 — "));
        projector.wait.until(d -> d.findElement(By.cssSelector("#projector [data-meeting-countdown]")).getText()
                .matches("19:[0-5]\\d|20:00"));
    }

    @Test
    void theMeetingPageShowsHowManyDevicesAreUpToDate() {
        agendaOfTheses();
        moderator.as().post(MEETING + "/start").then().statusCode(200);
        ForumBrowser room = open("/discussions/" + Fixtures.SLUG);
        ForumBrowser mod = new ForumBrowser(base.toString());
        browsers.add(mod);
        mod.signIn(moderator, "/discussions/" + Fixtures.SLUG + "/sitzung");
        mod.awaitState("live");
        // The room and this page, and any socket of an earlier test not yet gone: all up to date.
        mod.wait.until(d -> d.findElement(By.id("meeting-reach")).getText()
                .matches("([2-9]) von \\1 Geräten aktuell"));
        mod.button("Jetzt besprechen").click();
        // The form post loads the page again: an element found just before may be gone when it is read.
        mod.wait.ignoring(StaleElementReferenceException.class);
        mod.wait.until(d -> d.findElement(By.id("meeting-focus")).getText().contains("These 1"));
        // The room's banner is replaced live when the focus arrives: an element found just before may be gone too.
        room.wait.ignoring(StaleElementReferenceException.class);
        room.wait.until(d -> d.findElement(By.id("meeting-banner")).getText().contains("Jetzt: These 1 — "));
    }
}
