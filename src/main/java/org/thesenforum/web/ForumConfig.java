package org.thesenforum.web;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** All settings of the forum under the prefix {@code forum}; see the table in README.md. */
@ConfigMapping(prefix = "forum")
public interface ForumConfig {

    /** Folder for the H2 file database and the generated session key. */
    String dataDir();

    /**
     * Public address of the forum for links people take elsewhere; unset, pages use the address of the request and
     * links made without a request use {@link BaseUrls#FALLBACK} (see {@link BaseUrls}).
     */
    Optional<String> baseUrl();

    /** Who may read: everybody, or members only. */
    @WithDefault("public")
    ReadAccess readAccess();

    /** Key that signs CSRF tokens; generated into the data folder when empty (see CsrfKeySource). */
    Optional<String> csrfKey();

    /**
     * Base64 key (at least 32 bytes) that signs the unsubscribe links in notification mails; generated into the data
     * folder when empty.
     */
    Optional<String> notificationsKey();

    Admin admin();

    CommentLimits comment();

    LoginLimits login();

    Session session();

    Live live();

    Http http();

    FragmentCacheSettings fragmentCache();

    ClusterSettings cluster();

    enum ReadAccess {
        PUBLIC, MEMBERS
    }

    interface Admin {
        String email();

        Optional<String> password();
    }

    interface CommentLimits {
        /** Comments an expert may post per minute; moderators and admins are exempt. */
        @WithDefault("6")
        int ratePerMinute();

        /** Edits and deletes (one budget) an expert may make per minute; moderators and admins are exempt. */
        @WithDefault("20")
        int editsPerMinute();
    }

    /**
     * Several instances on one PostgreSQL database (README.md, "Several instances"). On H2 there is one instance and
     * none of this applies.
     */
    interface ClusterSettings {
        /**
         * On PostgreSQL: live updates, presence, rate limits and scheduled jobs are shared with the other instances
         * through the database. Off: this instance behaves as if it were the only one.
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * After a commit that appended to the live log, tell the other instances with a PostgreSQL NOTIFY. Off, they
         * learn of it from their backstop read (for measuring what the doorbell costs and brings).
         */
        @WithDefault("true")
        boolean doorbell();

        /** How often each instance reads the log's latest numbers, to heal doorbells it missed. */
        @WithDefault("1s")
        Duration backstop();

        /** How often each instance tells the database that it is alive. */
        @WithDefault("5s")
        Duration heartbeat();

        /** An instance not heard of for this long counts as gone: its presence no longer counts. */
        @WithDefault("20s")
        Duration instanceTimeout();

        /** Behind the log for longer than this, the instance reports itself not ready ({@code /q/health/ready}). */
        @WithDefault("30s")
        Duration maxLag();
    }

    interface FragmentCacheSettings {
        /**
         * Memory for rendered fragments kept by exactly what they show ({@link FragmentCache}), counted in characters
         * of HTML and of the keys' large texts; 0 keeps nothing.
         */
        @WithDefault("8M")
        io.quarkus.runtime.configuration.MemorySize size();
    }

    interface LoginLimits {
        @WithDefault("5")
        int maxFailures();

        @WithDefault("PT15M")
        Duration lockout();
    }

    interface Live {
        /** How long the event log keeps events for resuming clients. */
        @WithDefault("P7D")
        java.time.Duration retention();

        /** Frames queued for one connection before it is dropped as too slow. */
        @WithDefault("1000")
        int maxQueue();

        /** Bytes queued for one connection before it is dropped as too slow; bounds memory at many clients. */
        @WithDefault("2M")
        io.quarkus.runtime.configuration.MemorySize maxQueueBytes();

        /** Most events replayed on resume; further behind, the client reloads. */
        @WithDefault("5000")
        int replayLimit();

        /** Interval of heartbeat frames; a connection silent for three intervals is closed. */
        @WithDefault("20s")
        java.time.Duration heartbeat();
    }

    interface Http {
        /** Time a connection has to deliver a request's headers (also the wait between keep-alive requests). */
        @WithDefault("10s")
        Duration headerTimeout();
    }

    interface Session {
        /** Base64 AES key (16 or 32 bytes) for the session cookie; generated into the data folder when empty. */
        Optional<String> key();

        @WithDefault("P14D")
        Duration maxAge();

        /** Mark cookies Secure: set when the forum is served over HTTPS. */
        @WithDefault("false")
        boolean secureCookie();
    }
}
