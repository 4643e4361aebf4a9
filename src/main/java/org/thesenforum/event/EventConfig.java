package org.thesenforum.event;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of events and registration under {@code forum.events}; see the table in README.md. */
@ConfigMapping(prefix = "forum.events")
public interface EventConfig {

    /** The keys people choose their field of work from, in the order shown. */
    @WithDefault("praxis,verwaltung,wissenschaft,politik,sonstiges")
    List<String> fieldsOfWork();

    /** German and English label per key of {@link #fieldsOfWork()}; a key without one shows as itself. */
    Map<String, Label> fieldLabels();

    /** How long after an event (its end, or else its start) the contact data of its registrations is kept. */
    @WithDefault("P90D")
    Duration retention();

    /** Registrations (form and API together) one client address may send per hour. */
    @WithDefault("20")
    int registrationsPerHour();

    /** The SMTP host; without one, no e-mail is sent and the confirmation page is all. */
    Optional<String> smtpHost();

    /** A field-of-work label in the two languages of the forum. */
    interface Label {
        String de();

        String en();
    }
}
