package org.thesenforum.account;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** Authentication request carrying a decrypted session cookie. */
public class SessionTokenRequest extends BaseAuthenticationRequest {

    private final SessionCookies.SessionToken token;

    public SessionTokenRequest(SessionCookies.SessionToken token) {
        this.token = token;
    }

    public SessionCookies.SessionToken token() {
        return token;
    }
}
