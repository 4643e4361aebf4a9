package org.thesenforum.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.thesenforum.demand.WordDiff.Token;

class WordDiffTest {

    @Test
    void firstWordingIsAllAdded() {
        assertEquals(List.of(new Token("added", "Mehr Räume für alle")), WordDiff.of(null, "Mehr Räume für alle"));
    }

    @Test
    void sameTextIsOneSameRun() {
        assertEquals(List.of(new Token("same", "Mehr Räume")), WordDiff.of("Mehr  Räume", "Mehr Räume\n"));
    }

    @Test
    void changedWordsShowAsRemovedAndAddedBetweenSameRuns() {
        assertEquals(List.of(new Token("same", "Wir fordern"), new Token("removed", "mehr"),
                new Token("added", "verlässliche"), new Token("same", "Förderung für Treffpunkte"),
                new Token("added", "im Quartier")),
                WordDiff.of("Wir fordern mehr Förderung für Treffpunkte",
                        "Wir fordern verlässliche Förderung für Treffpunkte im Quartier"));
    }

    @Test
    void removedTailAndEmptyAfter() {
        assertEquals(List.of(new Token("same", "a b"), new Token("removed", "c d")), WordDiff.of("a b c d", "a b"));
        assertEquals(List.of(new Token("removed", "a b")), WordDiff.of("a b", ""));
        assertEquals(List.of(), WordDiff.of("", " "));
    }
}
