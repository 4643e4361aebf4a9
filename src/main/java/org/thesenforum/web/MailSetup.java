package org.thesenforum.web;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the forum sends e-mail at all: only when an SMTP host is configured ({@code FORUM_SMTP_HOST}, read as
 * {@code forum.events.smtp-host}, where events first used it). Features ask here before they offer or send mail;
 * without it, pages say whom to ask instead.
 */
@ApplicationScoped
public class MailSetup {

    private final Optional<String> smtpHost;
    private volatile Boolean override;

    MailSetup(@ConfigProperty(name = "forum.events.smtp-host") Optional<String> smtpHost) {
        this.smtpHost = smtpHost;
    }

    public boolean configured() {
        Boolean forced = override;
        return forced != null ? forced : smtpHost.filter(h -> !h.isBlank()).isPresent();
    }

    /** Tests switch mail off and on; {@code null} returns to the configuration. */
    public void override(Boolean configured) {
        override = configured;
    }
}
