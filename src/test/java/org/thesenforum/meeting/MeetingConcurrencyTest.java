package org.thesenforum.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;

import static org.thesenforum.meeting.MeetingFixtures.START;
import static org.thesenforum.meeting.MeetingFixtures.item;

/** Two or more moderators setting the focus at the same moment: one after the other, never two items running. */
@QuarkusTest
class MeetingConcurrencyTest {

    private static final String MEETING = MeetingFixtures.MEETING;

    @BeforeEach
    void noMeeting() {
        MeetingFixtures.noMeeting();
    }

    @Test
    void simultaneousFocusChangesLeaveExactlyOneItemRunning() throws Exception {
        User first = Fixtures.moderator();
        List<Object> items = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            items.add(item("FREE", null, "Runde " + i, START, 10));
        }
        List<Long> ids = first.as().body(Map.of("items", items)).put(MEETING + "/agenda").then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class);
        List<User> moderators = List.of(first, Fixtures.moderator(), Fixtures.moderator());
        long since = MeetingFixtures.latestSeq();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < ids.size(); i++) {
                User who = moderators.get(i % moderators.size());
                long id = ids.get(i);
                calls.add(() -> who.as().body(Map.of("itemId", id)).put(MEETING + "/focus").statusCode());
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            for (Future<Integer> result : pool.invokeAll(calls)) {
                assertEquals(200, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Meeting meeting = Meeting.<Meeting>find("discussion.slug", Fixtures.SLUG).singleResult();
            List<AgendaItem> running = AgendaItem.<AgendaItem>list("meeting = ?1 and actualStart is not null "
                    + "and actualEnd is null", meeting);
            assertEquals(1, running.size(), "exactly one item runs");
            assertEquals(meeting.focusItemId, running.get(0).id);
            AgendaItem.<AgendaItem>list("meeting", meeting).stream().filter(i -> i.actualEnd != null)
                    .forEach(i -> assertTrue(!i.actualEnd.isBefore(i.actualStart), "an item ends after it starts"));
        });
        // Every change that moved the focus is one frame; the seqs have no gaps.
        List<String> entries = MeetingFixtures.meetingEntriesAfter(since);
        assertTrue(entries.stream().allMatch("meeting.focus"::equals));
        assertTrue(entries.size() >= 1 && entries.size() <= calls.size(), String.valueOf(entries.size()));
        assertEquals(since + entries.size(), MeetingFixtures.latestSeq());
    }
}
