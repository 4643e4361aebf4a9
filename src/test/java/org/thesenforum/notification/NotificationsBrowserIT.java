package org.thesenforum.notification;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Map;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.ForumBrowser;

/**
 * The bell as a person meets it (headless Chromium): someone answers her comment, her bell counts it at once, and
 * its page leads to the answer. Runs in {@code mvn verify} only.
 */
@QuarkusTest
class NotificationsBrowserIT {

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void requireBrowser() {
        ForumBrowser.requireChromium();
    }

    @Test
    void aReplyRaisesTheBellLiveAndItsLinkLeadsToTheReply() {
        long topic = Fixtures.freshTopic();
        User maria = Fixtures.expert();
        User jan = Fixtures.expert();
        long comment = maria.as().body(Map.of("body", "Wir brauchen mehr Treffpunkte."))
                .post("/api/topics/" + topic + "/comments").then().statusCode(201).extract().jsonPath().getLong("id");
        String root = base.toString().replaceAll("/$", "");
        try (ForumBrowser page = new ForumBrowser(root)) {
            page.signIn(maria, "/topics/" + topic);
            page.awaitState("live");
            page.awaitText(By.id("notification-count"), "0");

            long reply = jan.as().body(Map.of("body", "Ja, mit festen Öffnungszeiten.", "parentId", comment))
                    .post("/api/topics/" + topic + "/comments").then().statusCode(201).extract().jsonPath()
                    .getLong("id");
            page.awaitText(By.id("notification-count"), "1");

            page.byId("notification-bell").click();
            page.wait.until(ExpectedConditions.urlToBe(root + "/notifications"));
            page.awaitElement(By.cssSelector("#notification-list li.is-unread a")).click();
            page.wait.until(ExpectedConditions.urlToBe(root + "/topics/" + topic + "#c" + reply));
            assertTrue(page.awaitElement(By.id("c" + reply)).getText().contains("Ja, mit festen Öffnungszeiten."));
            page.awaitText(By.id("notification-count"), "0");
        }
    }
}
