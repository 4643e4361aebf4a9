package org.thesenforum.account;

/** What an account may do: experts discuss, moderators keep order, admins run the forum. */
public enum Role {
    EXPERT, MODERATOR, ADMIN;

    /** Role names as security roles; a higher role holds the lower ones too. */
    public java.util.Set<String> grantedRoles() {
        return switch (this) {
            case EXPERT -> java.util.Set.of("EXPERT");
            case MODERATOR -> java.util.Set.of("EXPERT", "MODERATOR");
            case ADMIN -> java.util.Set.of("EXPERT", "MODERATOR", "ADMIN");
        };
    }

    public boolean atLeast(Role other) {
        return ordinal() >= other.ordinal();
    }
}
