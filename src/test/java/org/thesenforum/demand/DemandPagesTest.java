package org.thesenforum.demand;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.PageForms;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The demands page and its forms, for browsers without JavaScript. */
@QuarkusTest
class DemandPagesTest {

    private String slug;
    private long topic;
    private String page;

    @BeforeEach
    void freshDiscussion() {
        slug = BoardData.discussion();
        topic = BoardData.topic(slug, "Quartiere stärken");
        page = "/discussions/" + slug + "/demands";
    }

    @AfterEach
    void dropIt() {
        BoardData.drop(slug);
    }

    private static String html(String path, String session) {
        return PageForms.browser(session).get(path).then().statusCode(200).extract().asString();
    }

    /** The order in which the titles appear in the html; fails when one is missing. */
    private static void assertInOrder(String html, String... titles) {
        int at = -1;
        for (String title : titles) {
            int next = html.indexOf(title, at + 1);
            assertTrue(next > at, title + " not after the previous title in the page");
            at = next;
        }
    }

    @Test
    void readersSeeTheJointDemandsInRankOrderThenTheProposalsAndNoForms() {
        User expert = Fixtures.expert();
        BoardData.onTopic(topic, expert, "Vorschlag Sprachcafé", false);
        BoardData.onTopic(topic, expert, "Erste Forderung Raum", true);
        BoardData.onTopic(topic, expert, "Zweite Forderung Personal", true);
        String html = html(page, null);
        assertInOrder(html, "Gemeinsame Forderungen, in Rangfolge", "Gemeinsame Forderung Nr. 1", "Erste Forderung Raum",
                "Gemeinsame Forderung Nr. 2", "Zweite Forderung Personal", "Vorschläge", "Vorschlag Sprachcafé");
        assertTrue(html.contains("Melden Sie sich an, um Forderungen vorzuschlagen"));
        assertTrue(!html.contains("action=\"/demands/"), "no forms for readers without an account");
        assertTrue(html.contains("format=pdf"));
    }

    @Test
    void proposalsSortBySupportAndFilterByIndicatorAndTopic() {
        User a = Fixtures.expert();
        long few = BoardData.onTopic(topic, a, "Wenig Unterstützung", false);
        long many = BoardData.onTopic(topic, a, "Viel Unterstützung", false);
        long other = BoardData.onTopic(BoardData.topic(slug, "Anderes Thema"), a, "Anderes Thema Forderung", false);
        for (int i = 0; i < 3; i++) {
            BoardData.support(many, Fixtures.expert());
        }
        for (int i = 0; i < 5; i++) {
            BoardData.position(many, Fixtures.expert(), Position.Stance.AGREE);
        }
        assertInOrder(html(page + "?sortierung=unterstuetzung", null), "Viel Unterstützung", "Wenig Unterstützung");
        // Newest first by default, and for a sort word the page does not know.
        assertInOrder(html(page + "?sortierung=xyz", null), "Anderes Thema Forderung", "Viel Unterstützung",
                "Wenig Unterstützung");
        String carries = html(page + "?stand=traegt", null);
        assertTrue(carries.contains("Viel Unterstützung") && !carries.contains("Wenig Unterstützung"), carries);
        assertTrue(carries.contains("Auswahl aufheben"));
        long joint = BoardData.onTopic(BoardData.topic(slug, "Drittes Thema"), a, "Gemeinsam auf anderem Thema", true);
        String onTopic = html(page + "?thema=" + topic, null);
        assertTrue(onTopic.contains("Wenig Unterstützung") && !onTopic.contains("Anderes Thema Forderung"));
        assertTrue(onTopic.contains("Gemeinsam auf anderem Thema"), "the filters apply to the proposals only");
        assertTrue(html(page + "?stand=spaltet", null).contains("id=\"d" + joint + "\""));
        assertTrue(few > 0 && other > 0);
    }

    @Test
    void anExpertProposesThroughTheFormAndLandsOnTheDemand() {
        User expert = Fixtures.expert();
        String session = PageForms.signIn(expert);
        PageForms.Form form = PageForms.open(page, session);
        Response response = form.post().formParam("title", "Mehr Sprachkurse im Quartier")
                .formParam("text", "Kurse *vor Ort*.").formParam("rationale", "Wege sind weit.")
                .formParam("topicIds", String.valueOf(topic)).post(page);
        response.then().statusCode(303).header("Location", containsString(page + "#d"));
        long id = Long.parseLong(response.header("Location").replaceAll(".*#d", ""));
        DemandFixtures.get(id, null).statusCode(200).body("title", org.hamcrest.Matchers.equalTo(
                "Mehr Sprachkurse im Quartier")).body("topicIds", org.hamcrest.Matchers.contains((int) topic));
        String html = html(page, session);
        assertTrue(html.contains("id=\"d" + id + "\""));
        assertTrue(html.contains("<em>vor Ort</em>"), "the wording is rendered as Markdown");
        assertEquals(1, BoardData.auditCount("DEMAND_PROPOSED", id));
    }

    @Test
    void aRefusedProposalComesBackWithTheMessageAndEverythingTyped() {
        String session = PageForms.signIn(Fixtures.expert());
        PageForms.Form form = PageForms.open(page, session);
        String html = form.post().formParam("title", "   ").formParam("text", "Mein langer Text, nicht verlieren")
                .formParam("topicIds", String.valueOf(topic)).post(page)
                .then().statusCode(422).extract().asString();
        assertTrue(html.contains("id=\"propose-error\""), html);
        assertTrue(html.contains("Mein langer Text, nicht verlieren"));
        assertTrue(html.contains("value=\"" + topic + "\" checked"), "the ticked topic stays ticked");
        assertEquals(0, BoardData.demandCount(slug));

        String noTopic = form.post().formParam("title", "Ohne Thema").formParam("text", "Text").post(page)
                .then().statusCode(422).extract().asString();
        assertTrue(noTopic.contains("id=\"propose-error\"") && noTopic.contains("value=\"Ohne Thema\""));
        String badId = form.post().formParam("title", "Titel bleibt").formParam("text", "Text bleibt auch")
                .formParam("topicIds", "drei").post(page).then().statusCode(422).extract().asString();
        assertTrue(badId.contains("id=\"propose-error\"") && badId.contains("„drei“"), badId);
        assertTrue(badId.contains("value=\"Titel bleibt\"") && badId.contains("Text bleibt auch</textarea>"));
        assertEquals(0, BoardData.demandCount(slug));
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefusedAndAnonymousPostsGoToTheLogin() {
        String session = PageForms.signIn(Fixtures.expert());
        PageForms.Form form = PageForms.open(page, session);
        form.with().contentType(PageForms.FORM_URLENCODED).formParam("title", "T").formParam("text", "X")
                .formParam("topicIds", String.valueOf(topic)).post(page).then().statusCode(400);
        PageForms.Form anonymous = PageForms.open("/login", null);
        int status = anonymous.post().formParam("title", "T").formParam("text", "X")
                .formParam("topicIds", String.valueOf(topic)).post(page).statusCode();
        assertTrue(status == 303 || status == 401, "status " + status);
        assertEquals(0, BoardData.demandCount(slug));
    }

    @Test
    void aCommentIsQuotedInTheProposalFormAndTheDemandLinksBackToIt() {
        User author = Fixtures.expert();
        long commentTopic = Fixtures.freshTopic();
        long comment = Fixtures.comment(commentTopic, author, "Wir brauchen <b>feste</b> Ansprechpersonen.", null);
        String session = PageForms.signIn(Fixtures.expert());
        String shipped = "/discussions/" + Fixtures.SLUG + "/demands";
        String html = html(shipped + "?aus=" + comment, session);
        assertTrue(html.contains("&gt; Wir brauchen &lt;b&gt;feste&lt;/b&gt; Ansprechpersonen."), html);
        assertTrue(html.contains("name=\"originCommentId\" value=\"" + comment + "\""));
        assertTrue(html.contains("value=\"" + commentTopic + "\" checked"));
        // A comment of another discussion, or none at all, leaves the form empty.
        assertTrue(!html(page + "?aus=" + comment, session).contains("name=\"originCommentId\""));
        assertTrue(!html(shipped + "?aus=abc", session).contains("name=\"originCommentId\""));

        PageForms.Form form = PageForms.open(shipped, session);
        Response response = form.post().formParam("title", "Feste Ansprechpersonen")
                .formParam("text", "Jedes Quartier bekommt feste Ansprechpersonen.")
                .formParam("topicIds", String.valueOf(commentTopic))
                .formParam("originCommentId", String.valueOf(comment)).post(shipped);
        response.then().statusCode(303);
        long id = Long.parseLong(response.header("Location").replaceAll(".*#d", ""));
        DemandFixtures.get(id, null).body("originCommentId", org.hamcrest.Matchers.equalTo((int) comment));
        String card = html(shipped, null);
        assertTrue(card.contains("/topics/" + commentTopic + "#c" + comment), "the demand links to its origin");
    }

    @Test
    void supportIsToggledAndAPositionWithAnObjectionIsShownSignedButNeverWhoVotedHow() {
        User expert = Fixtures.expert();
        long id = BoardData.onTopic(topic, Fixtures.expert(), "Räume öffnen", false);
        String session = PageForms.signIn(expert);
        PageForms.Form form = PageForms.open(page, session);
        form.post().formParam("support", "on").post("/demands/" + id + "/support").then().statusCode(303)
                .header("Location", endsWith(page + "#d" + id));
        form.post().formParam("support", "on").post("/demands/" + id + "/support").then().statusCode(303);
        assertEquals(1, BoardData.supporters(id).size(), "supporting twice counts once");
        String html = html(page, session);
        assertTrue(html.contains("Sie unterstützen diese Forderung."));
        assertTrue(html.contains("1 Unterstützung · 0 dafür"));

        form.post().formParam("position", "DISAGREE").formParam("objection", "die Räume barrierefrei sind")
                .post("/demands/" + id + "/vote").then().statusCode(303);
        String others = html(page, null);
        assertTrue(others.contains("tragbar, wenn die Räume barrierefrei sind"), others);
        assertTrue(others.contains("1 dagegen"));
        assertTrue(others.contains("offener schwerwiegender Einwand") || others.contains("zu wenige Stimmen"));

        form.post().formParam("support", "off").post("/demands/" + id + "/support").then().statusCode(303);
        assertEquals(0, BoardData.supporters(id).size());
        form.post().post("/demands/" + id + "/objection/withdraw").then().statusCode(303);
        assertTrue(!html(page, null).contains("tragbar, wenn die Räume"));
        assertEquals(Position.Stance.DISAGREE, BoardData.stance(id, expert), "the position stays");
    }

    @Test
    void anObjectionTypedWhileVotingClosesIsShownToCopyAndALineBreakInItIsASpace() {
        User expert = Fixtures.expert();
        long id = BoardData.onTopic(topic, Fixtures.expert(), "Räume öffnen", false);
        PageForms.Form form = PageForms.open(page, PageForms.signIn(expert));
        form.post().formParam("position", "DISAGREE").formParam("objection", "die Räume\r\nabends offen sind")
                .post("/demands/" + id + "/vote").then().statusCode(303);
        assertTrue(html(page, null).contains("tragbar, wenn die Räume abends offen sind"));

        Fixtures.moderator().as().post("/api/demands/" + id + "/voting/close").then().statusCode(200);
        String html = form.post().formParam("position", "DISAGREE").formParam("objection", "mein neuer Einwand")
                .post("/demands/" + id + "/vote").then().statusCode(409).extract().asString();
        assertTrue(html.contains("href=\"#d" + id + "-error\""), "the message at the top leads to the card");
        assertTrue(html.contains("id=\"d" + id + "-kept\"") && html.contains("mein neuer Einwand</textarea>"), html);
    }

    @Test
    void aLongCommentIsQuotedShortEnoughToLeaveRoomForTheDemand() {
        long commentTopic = Fixtures.freshTopic();
        long comment = Fixtures.comment(commentTopic, Fixtures.expert(), "Wort ".repeat(1900), null);
        String html = html("/discussions/" + Fixtures.SLUG + "/demands?aus=" + comment,
                PageForms.signIn(Fixtures.expert()));
        String text = html.substring(html.indexOf("id=\"propose-text\""));
        text = text.substring(text.indexOf('>') + 1, text.indexOf("</textarea>"));
        assertTrue(text.length() < DemandService.MAX_TEXT - 500, "quote of " + text.length() + " characters");
        assertTrue(text.contains(" …"), "a shortened quote says so");
    }

    @Test
    void aFormReturnsToTheListSortedAndFilteredAsItWasAndARefusedVoteKeepsItsChoice() {
        User expert = Fixtures.expert();
        long id = BoardData.onTopic(topic, Fixtures.expert(), "Räume öffnen", false);
        String session = PageForms.signIn(expert);
        String filtered = page + "?sortierung=unterstuetzung&thema=" + topic;
        String html = html(filtered, session);
        assertTrue(html.contains("action=\"/demands/" + id + "/support?sortierung=unterstuetzung&amp;thema=" + topic
                + "\""), "the card's forms carry the list's settings");
        PageForms.Form form = PageForms.open(filtered, session);
        form.post().formParam("support", "on").post("/demands/" + id + "/support?sortierung=unterstuetzung&thema="
                + topic).then().statusCode(303)
                .header("Location", endsWith(page + "?sortierung=unterstuetzung&thema=" + topic + "#d" + id));
        // Settings the page does not know are dropped, not passed on.
        form.post().formParam("support", "on").post("/demands/" + id + "/support?sortierung=<x>&stand=alle")
                .then().statusCode(303).header("Location", endsWith(page + "#d" + id));

        String refused = form.post().formParam("position", "AGREE").formParam("objection", "nur bei Ablehnung")
                .post("/demands/" + id + "/vote?stand=offen").then().statusCode(422).extract().asString();
        assertTrue(refused.contains("name=\"position\" value=\"AGREE\" checked"), "the chosen position stays");
        assertTrue(refused.contains("<option value=\"offen\" selected>"), "and so does the filter");
    }

    @Test
    void aRefusedPositionKeepsTheObjectionTextAndStoresNothing() {
        User expert = Fixtures.expert();
        long id = BoardData.onTopic(topic, Fixtures.expert(), "Räume öffnen", false);
        PageForms.Form form = PageForms.open(page, PageForms.signIn(expert));
        String html = form.post().formParam("position", "AGREE").formParam("objection", "mein Einwandtext")
                .post("/demands/" + id + "/vote").then().statusCode(422).extract().asString();
        assertTrue(html.contains("id=\"d" + id + "-error\""), html);
        assertTrue(html.contains(">mein Einwandtext</textarea>"));
        form.post().formParam("position", "VIELLEICHT").post("/demands/" + id + "/vote").then().statusCode(422);
        form.post().formParam("position", "AGREE").post("/demands/999999999/vote").then().statusCode(404);
        assertEquals(0, BoardData.positionCount(id));
    }

    @Test
    void aNewWordingAsksEarlierSupportersAndTheVersionsShowTheDifference() {
        User author = Fixtures.expert();
        User supporter = Fixtures.expert();
        long id = BoardData.onTopic(topic, author, "Sprachmittlung sichern", false);
        BoardData.support(id, supporter);
        PageForms.Form form = PageForms.open(page, PageForms.signIn(author));
        form.post().formParam("title", "Sprachmittlung sichern").formParam("text", "Text von Sprachmittlung dauerhaft")
                .formParam("note", "dauerhaft ergänzt").post("/demands/" + id + "/edit").then().statusCode(303);
        String mine = html(page, PageForms.signIn(supporter));
        assertTrue(mine.contains("Die Forderung wurde neu gefasst."), "the earlier supporter is asked again");
        assertTrue(mine.contains("Unterstützung bestätigen"));
        String anyone = html(page, null);
        assertTrue(anyone.contains("0 zur aktuellen Fassung · 1 zu früheren"), anyone);
        assertTrue(anyone.contains("Alle 2 Fassungen mit Änderungen"));
        assertTrue(anyone.contains("<del title=\"entfernt\">Sprachmittlung sichern</del>")
                || anyone.contains("<ins title=\"hinzugefügt\">"), anyone);
        assertTrue(anyone.contains("dauerhaft ergänzt"));
        assertTrue(!html(page, PageForms.signIn(Fixtures.expert())).contains("Die Forderung wurde neu gefasst."));
    }

    @Test
    void aModeratorPinsMovesAndUnpinsWithTheFormsAndAnExpertMayNot() {
        User moderator = Fixtures.moderator();
        long first = BoardData.onTopic(topic, Fixtures.expert(), "Erste", true);
        long second = BoardData.onTopic(topic, Fixtures.expert(), "Zweite", true);
        long third = BoardData.onTopic(topic, Fixtures.expert(), "Dritte", false);
        PageForms.Form expert = PageForms.open(page, PageForms.signIn(Fixtures.expert()));
        expert.post().formParam("rank", "1").post("/demands/" + third + "/pin").then().statusCode(403);
        assertEquals(List.of(1, 2), BoardData.ranks(slug));

        PageForms.Form form = PageForms.open(page, PageForms.signIn(moderator));
        String html = html(page, form.session());
        assertTrue(html.contains("action=\"/demands/" + third + "/pin\""));
        form.post().formParam("rank", "1").post("/demands/" + third + "/pin").then().statusCode(303);
        form.post().formParam("direction", "down").post("/demands/" + third + "/move").then().statusCode(303);
        form.post().formParam("direction", "up").post("/demands/" + first + "/move").then().statusCode(303);
        assertInOrder(html(page, null), "Nr. 1", "Erste", "Nr. 2", "Dritte", "Nr. 3", "Zweite");
        // At the bottom, down changes nothing; a direction the form does not offer is refused.
        form.post().formParam("direction", "down").post("/demands/" + second + "/move").then().statusCode(303);
        form.post().formParam("direction", "sideways").post("/demands/" + second + "/move").then().statusCode(422);
        assertEquals(List.of(1, 2, 3), BoardData.ranks(slug));
        form.post().post("/demands/" + third + "/unpin").then().statusCode(303);
        assertEquals(Demand.Status.PROPOSED, BoardData.status(third));
        assertEquals(List.of(1, 2), BoardData.ranks(slug));
        form.post().formParam("rank", "9").post("/demands/" + third + "/pin").then().statusCode(422);
    }

    @Test
    void aModeratorRejectsMergesAndClosesVotingFromThePage() {
        long keep = BoardData.onTopic(topic, Fixtures.expert(), "Bleibt", false);
        long duplicate = BoardData.onTopic(topic, Fixtures.expert(), "Doppelt", false);
        long bad = BoardData.onTopic(topic, Fixtures.expert(), "Passt nicht", false);
        PageForms.Form form = PageForms.open(page, PageForms.signIn(Fixtures.moderator()));
        String refused = form.post().formParam("reason", " ").post("/demands/" + bad + "/reject")
                .then().statusCode(422).extract().asString();
        assertTrue(refused.contains("id=\"d" + bad + "-error\""));
        form.post().formParam("reason", "Gehört nicht zum Thema").post("/demands/" + bad + "/reject")
                .then().statusCode(303);
        form.post().formParam("into", String.valueOf(keep)).post("/demands/" + duplicate + "/merge")
                .then().statusCode(303);
        form.post().formParam("into", String.valueOf(keep)).post("/demands/" + keep + "/merge")
                .then().statusCode(422);
        form.post().formParam("open", "maybe").post("/demands/" + keep + "/voting").then().statusCode(400);
        form.post().post("/demands/" + keep + "/voting").then().statusCode(400);
        org.junit.jupiter.api.Assertions.assertFalse(html(page, null).contains("Abstimmung geschlossen am"),
                "a form value that is neither true nor false closes nothing");
        form.post().formParam("open", "false").post("/demands/" + keep + "/voting").then().statusCode(303);
        String html = html(page, null);
        assertTrue(html.contains("Abgelehnt: Gehört nicht zum Thema"));
        assertTrue(html.contains("zusammengeführt mit <a href=\"#d" + keep + "\">Bleibt</a>"), html);
        assertTrue(html.contains("Abstimmung geschlossen am"));
        assertInOrder(html, "Vorschläge", "Bleibt", "Zusammengeführt oder abgelehnt");
    }

    @Test
    void aDissentNoteGoesOnAJointDemandOnlyAndIsSigned() {
        User expert = Fixtures.expert();
        long pinned = BoardData.onTopic(topic, Fixtures.expert(), "Festgehalten", true);
        long proposed = BoardData.onTopic(topic, Fixtures.expert(), "Nur Vorschlag", false);
        PageForms.Form form = PageForms.open(page, PageForms.signIn(expert));
        String html = form.post().formParam("text", "Ich sehe das anders.").post("/demands/" + proposed + "/dissents")
                .then().statusCode(409).extract().asString();
        assertTrue(html.contains("id=\"d" + proposed + "-error\""));
        assertTrue(html.contains("Ich sehe das anders."), "the typed note is kept");
        form.post().formParam("text", "Ich sehe das anders.").post("/demands/" + pinned + "/dissents")
                .then().statusCode(303);
        assertTrue(html(page, null).contains("Ich sehe das anders."));
    }

    @Test
    void userTextIsInertAndThePageSpeaksEnglishToo() {
        BoardData.onTopic(topic, Fixtures.expert(), "<script>alert(1)</script> Titel", false);
        String html = html(page, null);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Titel"));
        assertTrue(!html.contains("<script>alert(1)"));
        given().cookie("tf_lang", "en").get(page).then().statusCode(200)
                .body(containsString("Joint demands, in rank order"), containsString("Proposals"),
                        not(containsString("Vorschläge")));
        given().get("/discussions/keine-solche/demands").then().statusCode(404);
    }
}
