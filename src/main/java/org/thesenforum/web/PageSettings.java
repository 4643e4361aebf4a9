package org.thesenforum.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** Settings the pages hand to their script in data attributes ({@code inject:pageSettings} in templates). */
@Named("pageSettings")
@ApplicationScoped
public class PageSettings {

    private final ForumConfig config;

    PageSettings(ForumConfig config) {
        this.config = config;
    }

    /** Interval of the live stream's heartbeat frames; the page counts 2.5 silent intervals as a lost connection. */
    public long heartbeatMillis() {
        return config.live().heartbeat().toMillis();
    }
}
