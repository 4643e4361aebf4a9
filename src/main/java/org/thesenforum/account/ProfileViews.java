package org.thesenforum.account;

import java.time.Instant;

/** What the account's own API and pages show and take: the profile with its settings, and device sessions. */
public final class ProfileViews {

    private ProfileViews() {
    }

    /** The signed-in person's own account with everything they can change. */
    public record ProfileView(long id, String email, String displayName, String organisation, String place, Role role,
            boolean enabled, Instant createdAt, EmailNotifications emailNotifications, int digestHour,
            boolean showPresence) {

        public static ProfileView of(Account a) {
            return new ProfileView(a.id, a.email, a.displayName, a.organisation, a.place, a.role, a.enabled,
                    a.createdAt, a.emailNotifications, a.digestHour, a.showPresence);
        }
    }

    /** One signed-in device: {@code current} is the one the request came from. */
    public record SessionView(long id, String device, Instant createdAt, Instant lastSeenAt, boolean current) {
    }

    /** Notification settings; a null leaves a setting as it is. */
    public record Settings(EmailNotifications emailNotifications, Integer digestHour, Boolean showPresence) {
    }
}
