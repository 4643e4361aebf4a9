package org.thesenforum.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.ForumBrowser;

/** The writing help with JavaScript: the preview appears in place and nothing is posted; the counter counts down. */
@QuarkusTest
class ComposeBrowserIT {

    @TestHTTPResource("/")
    URL base;

    private ForumBrowser browser;

    @BeforeAll
    static void requireBrowser() {
        ForumBrowser.requireChromium();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void thePreviewShowsInPlaceAndTheCounterCountsDown() {
        long topic = Fixtures.freshTopic();
        browser = new ForumBrowser(base.toString());
        browser.signIn(Fixtures.expert(), "/topics/" + topic);
        WebElement field = browser.field("Ihr Beitrag");
        field.sendKeys("Ganz **wichtig**: <b>x</b>");
        browser.awaitText(By.id("new-comment-counter"), "Noch 9.974 Zeichen");

        browser.button("Vorschau").click();
        WebElement preview = browser.awaitElement(By.cssSelector("#new-comment-preview .preview-body strong"));
        assertEquals("wichtig", preview.getText());
        assertTrue(browser.text(By.id("new-comment-preview")).contains("<b>x</b>"), "typed HTML stays text");
        assertTrue(browser.currentUrl().endsWith("/topics/" + topic), "the page stayed: " + browser.currentUrl());
        assertEquals("Ganz **wichtig**: <b>x</b>", field.getDomProperty("value"));
        assertFalse(Fixtures.commentExists(topic, "Ganz **wichtig**: <b>x</b>"), "a preview posts nothing");

        field.sendKeys("!");
        browser.wait.until(d -> !d.findElement(By.id("new-comment-preview")).isDisplayed());
    }
}
