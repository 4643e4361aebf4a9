package org.thesenforum.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;

import org.junit.jupiter.api.Test;
import org.thesenforum.journal.Journal.EntityRef;
import org.thesenforum.journal.Journal.Payload;
import org.thesenforum.journal.Journal.Placement;
import org.thesenforum.testing.Fixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class JournalTest {

    private static final String KIND = "note";
    private static final String OTHER_KIND = "memo";

    @Inject
    Journal journal;

    private long stream() {
        return journal.streamOf(Fixtures.SLUG).orElseThrow();
    }

    private long append(String kind, long id, String data, Placement placement) {
        return QuarkusTransaction.requiringNew().call(() -> journal.append(stream(), kind + ".added", null,
                new EntityRef(kind, id), new Payload(data, "<p>" + data + "</p>"), null, placement));
    }

    private List<JournalEntry> entriesAfter(long since) {
        return QuarkusTransaction.requiringNew().call(() -> journal.after(stream(), since, 100));
    }

    @Test
    void entriesGetGaplessSeqsAndKeepKindTargetAndSwap() {
        long since = journal.latestSeq(stream());
        long first = append(KIND, 1, "{\"n\":1}", Placement.append("notes"));
        long second = append(KIND, 2, "{\"n\":2}", null);
        assertEquals(since + 1, first);
        assertEquals(since + 2, second);
        assertEquals(second, journal.latestSeq(stream()));

        List<JournalEntry> entries = entriesAfter(since);
        assertEquals(2, entries.size());
        JournalEntry e = entries.get(0);
        assertEquals(KIND + ".added", e.type);
        assertEquals(KIND, e.entityKind);
        assertEquals(1L, e.entityId);
        assertEquals("notes", e.target);
        assertEquals("append", e.swap);
        assertNull(entries.get(1).target);
        assertNull(entries.get(1).swap);
    }

    @Test
    void redactingAnEntityLeavesEntitiesOfAnotherKindWithTheSameIdAlone() {
        long since = journal.latestSeq(stream());
        long id = 4242;
        append(KIND, id, "{\"text\":\"geheim\"}", Placement.replace("n" + id));
        append(OTHER_KIND, id, "{\"text\":\"bleibt\"}", Placement.replace("m" + id));
        QuarkusTransaction.requiringNew().run(() -> journal.redact(stream(), KIND, id,
                new Payload("{\"text\":null}", "<p>ausgeblendet</p>")));

        List<JournalEntry> entries = entriesAfter(since);
        JournalEntry redacted = entries.get(0);
        assertEquals("{\"text\":null}", redacted.data);
        assertEquals("<p>ausgeblendet</p>", redacted.html);
        assertEquals("{\"text\":\"geheim\"}", redacted.moderatorData, "moderators keep the original");
        JournalEntry other = entries.get(1);
        assertEquals("{\"text\":\"bleibt\"}", other.data);
        assertNull(other.moderatorData);
    }

    @Test
    void aSlugNamesItsStreamAndAnUnknownSlugNone() {
        assertTrue(journal.streamOf(Fixtures.SLUG).isPresent());
        assertTrue(journal.streamOf("gibt-es-nicht").isEmpty());
        assertEquals(journal.latestSeq(stream()), journal.latestSeqs().get(stream()));
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        assertThrows(TransactionalException.class, () -> journal.append(stream(), KIND + ".added", null, null,
                new Payload("{}", null), null, null));
    }
}
