package org.thesenforum.web;

/**
 * Fired in the transaction that ends sessions: one device session ({@code sessionId}) or, when it is null, every
 * session of the account (sign-out everywhere, role change, disabling). Observers act after the commit; the live
 * layer closes the affected sockets. Lives here so that the live layer needs to know no feature.
 * <p>
 * A request authenticated with a personal API token counts as a session of its own, whose id is the token's id
 * negated ({@link #ofToken}), so that revoking the token ends exactly the connections opened with it.
 */
public record SessionEnded(long accountId, Long sessionId) {

    /** Identity attribute: the id of the signed-in account. */
    public static final String ACCOUNT_ID = "accountId";
    /** Identity attribute: the device session of a cookie sign-in, or {@link #ofToken} (absent for HTTP Basic). */
    public static final String SESSION_ID = "sessionId";
    /** Identity attribute: when the device session runs out, in epoch milliseconds (absent for HTTP Basic). */
    public static final String EXPIRES_AT = "sessionExpiresAt";
    /** Identity attribute: the revocation mark read before the identity was checked, see {@link Revocations}. */
    public static final String MARK = "revocationMark";

    /** The session id that stands for a personal API token: negative, so it never equals a device session's. */
    public static long ofToken(long tokenId) {
        return -tokenId;
    }

    public boolean allSessions() {
        return sessionId == null;
    }
}
