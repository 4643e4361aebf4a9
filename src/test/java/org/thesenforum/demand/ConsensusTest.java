package org.thesenforum.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thesenforum.demand.Consensus.Reason;
import org.thesenforum.demand.Consensus.State;

/** The table of the consensus indicator: agree, disagree and pass positions, and what the group is shown. */
class ConsensusTest {

    @ParameterizedTest(name = "{0}:{1}:{2} → {3} {4}")
    @CsvSource(nullValues = "-", value = {
        "4,  1,  0, CARRIES, -",
        "8,  2,  0, CARRIES, -",
        "12, 4,  2, CARRIES, -",
        "2,  0,  0, OPEN,    TOO_FEW_VOTES",
        "7,  3,  0, OPEN,    NARROW",
        "3,  0,  15, OPEN,   MANY_ABSTENTIONS",
        "9,  6,  3, DIVIDES, -",
        "10, 10, 0, DIVIDES, -",
        "0,  0,  0, OPEN,    TOO_FEW_VOTES",
        "0,  0,  6, OPEN,    MANY_ABSTENTIONS",
        "1,  3,  1, OPEN,    NARROW",
        "0,  5,  0, OPEN,    NARROW",
        "9,  1,  12, OPEN,   MANY_ABSTENTIONS",
    })
    void theTable(long agree, long disagree, long pass, State state, Reason reason) {
        Consensus c = Consensus.of(agree, disagree, pass, false);
        assertEquals(state, c.state());
        assertEquals(reason, c.reason());
    }

    @Test
    void sevenToThreeMissesTheLowerBoundJustBelowOneHalf() {
        Consensus c = Consensus.of(7, 3, 0, false);
        assertEquals(0.7, c.share(), 1e-9);
        assertEquals(0.497, c.lowerBound(), 0.001);
    }

    @Test
    void anOpenSeriousObjectionKeepsADemandFromCarrying() {
        Consensus c = Consensus.of(8, 2, 0, true);
        assertEquals(State.OPEN, c.state());
        assertEquals(Reason.OPEN_OBJECTION, c.reason());
    }

    @Test
    void carriesAndDividesExcludeEachOther() {
        for (int a = 0; a <= 60; a++) {
            for (int d = 0; a + d <= 60; d++) {
                for (int e = 0; a + d + e <= 60; e += 3) {
                    Consensus c = Consensus.of(a, d, e, false);
                    long min = Math.min(a, d);
                    boolean divides = min >= 3 && 3 * min >= a + d;
                    boolean carries = c.state() == State.CARRIES;
                    assertTrue(!(carries && divides), a + ":" + d + ":" + e);
                    assertEquals(c.state() == State.OPEN, c.reason() != null, a + ":" + d + ":" + e);
                    if (a + d + e < 5) {
                        assertEquals(Reason.TOO_FEW_VOTES, c.reason(), a + ":" + d + ":" + e);
                    }
                }
            }
        }
    }

    @Test
    void noShareWithoutAgreeOrDisagree() {
        Consensus c = Consensus.of(0, 0, 7, false);
        assertNull(c.share());
        assertNull(c.lowerBound());
    }

    @Test
    void negativeCountsAreAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> Consensus.of(-1, 0, 0, false));
    }
}
