package org.thesenforum.comment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.thesenforum.account.Account;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.PageForms;
import org.thesenforum.web.FragmentCache;

/**
 * The cards of the topic page are kept by exactly what they show: the kept page is the page rendered afresh, for
 * every role and language, and every change shows on the next load.
 */
@QuarkusTest
class CommentCardsTest {

    /** The CSRF tokens differ per request; everything else must be the same. */
    private static final Pattern TOKEN = Pattern.compile("name=\"" + PageForms.CSRF + "\" value=\"[^\"]+\"");

    @Inject
    FragmentCache cache;

    @Test
    void theKeptPageIsThePageRenderedAfreshForEveryReaderAndLanguage() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        User other = Fixtures.expert();
        User moderator = Fixtures.moderator();
        long root = Fixtures.comment(topic, author, "Der *erste* Beitrag", null);
        long reply = Fixtures.comment(topic, other, "Eine Antwort", root);
        long deep = reply;
        for (int i = 0; i < ThreadItem.MAX_DEPTH + 1; i++) {
            deep = Fixtures.comment(topic, i % 2 == 0 ? author : other, "Tiefer " + i, deep);
        }
        Fixtures.comment(topic, other, null, Fixtures.question(1), "Zur ersten Leitfrage");
        long hidden = Fixtures.comment(topic, author, "Wird ausgeblendet", null);
        moderator.as().body(Map.of("reason", "Beleidigend")).post("/api/comments/" + hidden + "/hide")
                .then().statusCode(200);
        long deleted = Fixtures.comment(topic, author, "Wird gelöscht", root);
        author.as().delete("/api/comments/" + deleted).then().statusCode(204);

        Map<String, String> sessions = new LinkedHashMap<>();
        sessions.put("anonymous", null);
        sessions.put("member", PageForms.signIn(Fixtures.expert()));
        sessions.put("author", PageForms.signIn(author));
        sessions.put("moderator", PageForms.signIn(moderator));
        // First visits record the visit; load each once so that the pages compared below mark nothing new.
        sessions.values().forEach(s -> page(topic, s, "de"));

        Map<String, String> fresh = new LinkedHashMap<>();
        for (var reader : sessions.entrySet()) {
            for (String language : new String[] { "de", "en" }) {
                cache.clear();
                fresh.put(reader.getKey() + "/" + language, page(topic, reader.getValue(), language));
            }
        }
        // Every reader and language in turn with all cards kept, twice: the kept cards are the fresh ones.
        for (int round = 0; round < 2; round++) {
            for (var reader : sessions.entrySet()) {
                for (String language : new String[] { "de", "en" }) {
                    String key = reader.getKey() + "/" + language;
                    assertEquals(fresh.get(key), page(topic, reader.getValue(), language), key);
                }
            }
        }
        assertTrue(cache.weight() > 0, "the cards are kept");
        String moderators = fresh.get("moderator/de");
        assertTrue(card(moderators, hidden).contains("data-action=\"unhide\""), "the moderators' card");
        assertFalse(card(fresh.get("member/de"), hidden).contains("Wird ausgeblendet"), "the readers' card");
        assertTrue(card(fresh.get("author/en"), root).contains("data-action=\"edit\""), "the author's controls");
        assertFalse(card(fresh.get("member/en"), root).contains("data-action=\"edit\""));
        assertTrue(card(fresh.get("anonymous/en"), deleted).contains("is-deleted"));
        assertFalse(fresh.get("anonymous/de").equals(fresh.get("anonymous/en")), "the language is part of the key");
    }

    @Test
    void everyChangeShowsOnTheNextLoad() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        User writer = Fixtures.expert();
        User moderator = Fixtures.moderator();
        long root = Fixtures.comment(topic, author, "Ursprünglicher Text", null);
        long other = Fixtures.comment(topic, author, "Noch ein Beitrag", null);
        String reader = PageForms.signIn(Fixtures.expert());
        String moderatorSession = PageForms.signIn(moderator);
        page(topic, reader, "de");
        page(topic, null, "de");
        assertTrue(card(page(topic, moderatorSession, "de"), other).contains("data-action=\"hide\""));

        // An edit.
        author.as().body(Map.of("body", "Geänderter Text")).patch("/api/comments/" + root).then().statusCode(200);
        assertTrue(card(page(topic, reader, "de"), root).contains("Geänderter Text"));
        assertTrue(card(page(topic, null, "de"), root).contains("class=\"edited\""), "marked as edited");

        // A new reply: the answers line of its parent names it.
        long reply = Fixtures.comment(topic, writer, "Neue Antwort", root);
        String afterReply = page(topic, null, "de");
        assertTrue(card(afterReply, root).contains("<a href=\"#c" + reply + "\">"), "the answers name the reply");

        // The author's new name, on their comments and in the answers of others.
        String renamed = "Umbenannt " + System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> Account.<Account>findById(writer.id()).displayName = renamed);
        String afterRename = page(topic, null, "de");
        assertTrue(card(afterRename, reply).contains(renamed), "the reply names its author's new name");
        assertTrue(card(afterRename, root).contains(">" + renamed + "</a>"), "the answers line too");

        // A hide, for readers and for moderators.
        moderator.as().body(Map.of("reason", "Unsachlich")).post("/api/comments/" + other + "/hide")
                .then().statusCode(200);
        assertFalse(card(page(topic, reader, "de"), other).contains("Noch ein Beitrag"), "hidden from readers");
        String moderators = page(topic, moderatorSession, "de");
        assertTrue(card(moderators, other).contains("Noch ein Beitrag"), "moderators still read it");
        assertTrue(card(moderators, other).contains("moderation-note"));
        assertTrue(card(moderators, other).contains("data-action=\"unhide\""), "the moderators' card follows");

        // An unread mark comes and goes with the reader's visits.
        long fresh = Fixtures.comment(topic, writer, "Seit dem Besuch", null);
        assertTrue(card(page(topic, reader, "de"), fresh).contains("badge-new"), "new since the last visit");
        assertFalse(card(page(topic, reader, "de"), fresh).contains("badge-new"), "read on the visit before");
    }

    private static String page(long topic, String session, String language) {
        RequestSpecification request = session == null ? given() : PageForms.browser(session);
        String html = request.header("Accept-Language", language).get("/topics/" + topic).then().statusCode(200)
                .extract().asString();
        return TOKEN.matcher(html).replaceAll("name=\"" + PageForms.CSRF + "\" value=\"\"");
    }

    /** The card of one comment: from its {@code <li>} to its actions. */
    private static String card(String html, long commentId) {
        Matcher m = Pattern.compile("<li id=\"c" + commentId + "\"[\\s\\S]*?<div class=\"comment-actions\">[\\s\\S]*?"
                + "</div>").matcher(html);
        assertTrue(m.find(), "no card of comment " + commentId);
        return m.group();
    }
}
