package org.thesenforum.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.thesenforum.account.Account;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.LiveClient;

/** "Wer ist da": the presence frame names only the signed-in people who allow it; anonymous readers are a number. */
@QuarkusTest
class PresenceNamesTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void presenceNamesOnlyThoseWhoAllowItAndCountsTheOthers() {
        long topic = Fixtures.freshTopic();
        User shown = Fixtures.expert();
        User hidden = Fixtures.expert();
        String shownName = showPresence(shown, true);
        String hiddenName = showPresence(hidden, false);
        String key = String.valueOf(topic);

        try (LiveClient a = connect(topic, shown); LiveClient b = connect(topic, hidden);
                LiveClient anonymous = connect(topic, null)) {
            JsonObject presence = anonymous.awaitFrame(f -> "presence".equals(f.getString("type"))
                    && f.getJsonObject("topics").getInteger(key, 0) == 3);
            assertEquals(List.of(shownName), presence.getJsonObject("topicNames").getJsonArray(key).getList(),
                    "only the person who allows it is named at the topic; the two others are counted");
            JsonArray names = presence.getJsonArray("names");
            assertTrue(names.contains(shownName), names.encode());
            assertFalse(names.contains(hiddenName), names.encode());
        }
    }

    @Test
    void nobodyIsNamedByDefault() {
        long topic = Fixtures.freshTopic();
        User member = Fixtures.expert();
        String key = String.valueOf(topic);
        try (LiveClient a = connect(topic, member)) {
            JsonObject presence = a.awaitFrame(f -> "presence".equals(f.getString("type"))
                    && f.getJsonObject("topics").getInteger(key, 0) == 1);
            assertFalse(presence.getJsonObject("topicNames").containsKey(key), presence.encode());
        }
    }

    private LiveClient connect(long topic, User user) {
        return LiveClient.connect(base, Fixtures.SLUG, "topic=" + topic, user == null ? null : user.email(),
                user == null ? null : Fixtures.PASSWORD);
    }

    private static String showPresence(User user, boolean show) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Account a = Account.findById(user.id());
            a.showPresence = show;
            return a.displayName;
        });
    }
}
