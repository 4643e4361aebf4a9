package org.thesenforum.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The fragment cache keeps rendered HTML by its inputs, within its bound. */
class FragmentCacheTest {

    record Key(int id, String text) implements FragmentCache.Weighed {

        @Override
        public int weight() {
            return text.length();
        }
    }

    @Test
    void equalKeysAreRenderedOnce() {
        FragmentCache cache = new FragmentCache(100_000);
        AtomicInteger renders = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            assertEquals("<p>1</p>", cache.get(new Key(1, "eins"), k -> {
                renders.incrementAndGet();
                return "<p>" + k.id() + "</p>";
            }));
        }
        assertEquals(1, renders.get());
        assertEquals("<p>anders</p>", cache.get(new Key(1, "anders"), k -> "<p>" + k.text() + "</p>"),
                "another value is another key");
    }

    @Test
    void theCacheStaysWithinItsBound() {
        long bound = 50_000;
        FragmentCache cache = new FragmentCache(bound);
        String html = "x".repeat(400);
        for (int i = 0; i < 5_000; i++) {
            cache.get(new Key(i, "y".repeat(100)), k -> html);
            assertTrue(cache.weight() <= bound, "weight " + cache.weight() + " after " + i);
        }
        assertTrue(cache.weight() > bound / 2, "it keeps what fits: " + cache.weight());
    }

    @Test
    void keptHtmlComesEncodedAndEveryOtherPieceIsEncodedAsItComes() {
        FragmentCache cache = new FragmentCache(100_000);
        String kept = cache.get(new Key(1, "eins"), k -> "<p>Größe „" + "ä".repeat(300) + "“</p>");
        assertArrayEquals(kept.getBytes(StandardCharsets.UTF_8), cache.utf8(kept));
        assertSame(cache.utf8(kept), cache.utf8(kept), "the kept string's bytes are encoded once and handed out");
        String same = new String(kept.toCharArray());
        byte[] fresh = cache.utf8(same);
        assertArrayEquals(kept.getBytes(StandardCharsets.UTF_8), fresh, "an equal string, not kept");
        assertNotSame(cache.utf8(kept), fresh, "found by the identity of the kept string, not by equality");
        assertArrayEquals("<b>ö</b>".getBytes(StandardCharsets.UTF_8), cache.utf8("<b>ö</b>"));
    }

    @Test
    void aSizeOfZeroKeepsNothing() {
        FragmentCache cache = new FragmentCache(0);
        AtomicInteger renders = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            cache.get(new Key(1, "eins"), k -> "<p>" + renders.incrementAndGet() + "</p>");
        }
        assertEquals(3, renders.get());
        assertEquals(0, cache.weight());
    }
}
