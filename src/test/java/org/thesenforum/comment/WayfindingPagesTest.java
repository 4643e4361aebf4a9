package org.thesenforum.comment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.junit.jupiter.api.Test;
import org.thesenforum.discussion.TopicKind;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.PageForms;

/** Finding one's way on the topic page: reply links both ways, neighbouring topics, comment links, what is new. */
@QuarkusTest
class WayfindingPagesTest {

    @Test
    void repliesLinkToTheCommentTheyAnswerAndBackAlsoWhenListedFlat() {
        long topic = Fixtures.freshTopic();
        User anna = Fixtures.expert();
        User ben = Fixtures.expert();
        long root = Fixtures.comment(topic, anna, "Wurzel", null);
        long reply = Fixtures.comment(topic, ben, "Antwort", root);
        long parent = reply;
        long[] chain = new long[5];
        for (int i = 0; i < chain.length; i++) {
            parent = Fixtures.comment(topic, i % 2 == 0 ? anna : ben, "Ebene " + (i + 3), parent);
            chain[i] = parent;
        }
        String html = given().get("/topics/" + topic).then().statusCode(200).extract().asString();

        // The root names its one reply with a link to it.
        String rootCard = card(html, root);
        assertTrue(rootCard.contains("1 Antwort:"), rootCard);
        assertTrue(rootCard.contains("href=\"#c" + reply + "\""), rootCard);
        // Below the fourth level replies are listed flat: each names the comment it answers with a link to it, and
        // that comment links back to it.
        long deep = chain[4];
        long deepParent = chain[3];
        String deepCard = card(html, deep);
        assertTrue(deepCard.contains("<a class=\"reply-to\" href=\"#c" + deepParent + "\">Antwort auf "), deepCard);
        assertTrue(card(html, deepParent).contains("href=\"#c" + deep + "\""), card(html, deepParent));
    }

    @Test
    void topicPagesLinkToTheNeighboursInPaperOrderAcrossThesesAndApproaches() {
        long thesis1 = Fixtures.thesis(1);
        long thesis4 = Fixtures.thesis(4);
        long thesis5 = Fixtures.thesis(5);
        long approach1 = Fixtures.topicId(TopicKind.APPROACH, 1);

        String five = given().get("/topics/" + thesis5).then().statusCode(200).extract().asString();
        assertTrue(five.contains("rel=\"prev\" href=\"/topics/" + thesis4 + "\""), five);
        assertTrue(five.contains("rel=\"next\" href=\"/topics/" + approach1 + "\""), five);
        assertTrue(five.contains("Ansatz 1:"), "names the next topic");

        String approach = given().get("/topics/" + approach1).then().statusCode(200).extract().asString();
        assertTrue(approach.contains("rel=\"prev\" href=\"/topics/" + thesis5 + "\""));

        String first = given().get("/topics/" + thesis1).then().statusCode(200).extract().asString();
        assertFalse(first.contains("rel=\"prev\""), "the first thesis has no previous topic");
        assertTrue(first.contains("rel=\"next\" href=\"/topics/" + Fixtures.thesis(2) + "\""));
    }

    @Test
    void aCommentsOwnLinkLandsOnItsTopicPageAlsoDeepInALongThread() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        long parent = Fixtures.comment(topic, author, "Anfang", null);
        for (int i = 0; i < 8; i++) {
            parent = Fixtures.comment(topic, author, "Weiter " + i, parent);
        }
        long deep = parent;
        Response redirect = given().redirects().follow(false).get("/comments/" + deep);
        assertEquals(303, redirect.statusCode());
        String location = redirect.header("Location");
        assertTrue(location.endsWith("/topics/" + topic + "#c" + deep), location);

        String html = given().get("/topics/" + topic).then().statusCode(200).extract().asString();
        assertTrue(html.contains("<li id=\"c" + deep + "\""), "the page shows the comment the link names");
        // The comment's own address, which leads to the page of the thread that holds it, also in long topics.
        assertTrue(card(html, deep).contains("class=\"action permalink-action\" href=\"/comments/" + deep + "\""),
                "every comment carries its link, without JavaScript");

        given().redirects().follow(false).get("/comments/999999999").then().statusCode(404);
    }

    @Test
    void newCommentsAreMarkedPerPersonSinceTheirLastVisit() {
        long topic = Fixtures.freshTopic();
        User reader = Fixtures.expert();
        User other = Fixtures.expert();
        User writer = Fixtures.expert();
        String readerSession = PageForms.signIn(reader);
        String otherSession = PageForms.signIn(other);

        // The first visit marks nothing: there is no earlier visit to compare with.
        Fixtures.comment(topic, writer, "Schon vorher da", null);
        String first = page(topic, readerSession);
        assertFalse(first.contains("badge-new"), "nothing is new on the first visit");
        assertFalse(first.contains("id=\"unread-jump\""));

        long fresh = Fixtures.comment(topic, writer, "Neu dazugekommen", null);
        Fixtures.comment(topic, reader, "Meine eigene Antwort", fresh);
        assertEquals("1 neu", unreadOnOverview(topic, readerSession), "the overview counts the new comment");
        assertEquals(null, unreadOnOverview(topic, otherSession), "never opened: nothing counted");
        assertEquals(null, unreadOnOverview(topic, null), "anonymous readers get no counts");

        String second = page(topic, readerSession);
        assertTrue(second.contains("<a href=\"#c" + fresh + "\">1 neuer Beitrag seit Ihrem letzten Besuch"), second);
        assertTrue(card(second, fresh).contains("badge-new"), "the new comment is marked");
        assertEquals(1, count(second, "class=\"badge badge-new\""), "one's own reply is not new to oneself");

        // Another person's first visit marks nothing; the reader's next visit has read everything.
        assertFalse(page(topic, otherSession).contains("badge-new"));
        assertFalse(page(topic, readerSession).contains("badge-new"));
        assertEquals(null, unreadOnOverview(topic, readerSession));
        assertFalse(page(topic, null).contains("badge-new"), "anonymous readers see no marks");
    }

    private static String page(long topic, String session) {
        return PageForms.browser(session).get("/topics/" + topic).then().statusCode(200).extract().asString();
    }

    /** The "n neu" badge of the topic's card on the overview, or null. */
    private static String unreadOnOverview(long topic, String session) {
        String html = PageForms.browser(session).get("/discussions/" + Fixtures.SLUG).then().statusCode(200)
                .extract().asString();
        int at = html.indexOf("data-topic-id=\"" + topic + "\"");
        assertTrue(at > 0, "the topic is on the overview");
        String cardHtml = html.substring(at, html.indexOf("</li>", at));
        Matcher m = Pattern.compile("badge-unread\">([^<]+)<").matcher(cardHtml);
        return m.find() ? m.group(1) : null;
    }

    /** The markup of one comment up to its list of replies. */
    static String card(String html, long commentId) {
        int at = html.indexOf("<li id=\"c" + commentId + "\"");
        assertTrue(at >= 0, "comment " + commentId + " is on the page");
        return html.substring(at, html.indexOf("id=\"c" + commentId + "-replies\"", at));
    }

    private static int count(String html, String needle) {
        int n = 0;
        for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
