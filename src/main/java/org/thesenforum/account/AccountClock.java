package org.thesenforum.account;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

/** The time password-reset links expire by; tests set their own clock. */
@ApplicationScoped
public class AccountClock {

    private volatile Clock clock = Clock.systemUTC();

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Replaces the clock (tests); {@code null} returns to the system clock. */
    public void use(Clock replacement) {
        clock = replacement == null ? Clock.systemUTC() : replacement;
    }
}
