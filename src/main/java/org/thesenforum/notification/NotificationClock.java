package org.thesenforum.notification;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

/** The time notifications and the daily digest are measured by; tests set their own clock. */
@ApplicationScoped
public class NotificationClock {

    private volatile Clock clock = Clock.systemUTC();

    public Instant now() {
        return clock.instant();
    }

    /** Replaces the clock (tests); {@code null} returns to the system clock. */
    public void use(Clock replacement) {
        clock = replacement == null ? Clock.systemUTC() : replacement;
    }
}
