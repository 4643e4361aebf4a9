package org.thesenforum.meeting;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

/** The meeting's notion of now, in microseconds (what the database keeps); tests set a clock they move by hand. */
@ApplicationScoped
class MeetingClock {

    private volatile Clock clock = Clock.systemUTC();

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** For tests: use {@code clock} from now on ({@code null} goes back to the system clock). */
    void use(Clock clock) {
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }
}
