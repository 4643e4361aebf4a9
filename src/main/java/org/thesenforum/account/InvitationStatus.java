package org.thesenforum.account;

/** Whether an invitation link still lets people register, and if not, why. */
public enum InvitationStatus {
    ACTIVE, EXPIRED, USED_UP, REVOKED
}
