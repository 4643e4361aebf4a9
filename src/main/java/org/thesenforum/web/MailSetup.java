package org.thesenforum.web;

import java.util.Optional;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

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

    /**
     * Warns once at start when mail is sent but {@code forum.base-url} is not set: links in mails (password reset,
     * notifications) are made without a request and would point to {@link BaseUrls#FALLBACK}. The request's host is
     * deliberately not used for them, since anyone can send a request with a forged host.
     */
    void onStart(@Observes StartupEvent event, ForumConfig config) {
        String warning = missingBaseUrlWarning(smtpHost.filter(h -> !h.isBlank()).isPresent(),
                BaseUrls.configured(config).isPresent());
        if (warning != null) {
            Log.warn(warning);
        }
    }

    /** The start-up warning for a mail setup without a public address, or {@code null} when there is none. */
    static String missingBaseUrlWarning(boolean mailConfigured, boolean baseUrlConfigured) {
        return mailConfigured && !baseUrlConfigured
                ? "FORUM_SMTP_HOST is set but FORUM_BASE_URL is not: links in e-mails (password reset, notifications) "
                        + "point to " + BaseUrls.FALLBACK + ". Set FORUM_BASE_URL to the forum's public address."
                : null;
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
