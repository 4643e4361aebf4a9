package org.thesenforum.account;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** Authentication request carrying a personal API token from {@code Authorization: Bearer}. */
public class ApiTokenRequest extends BaseAuthenticationRequest {

    private final String token;

    public ApiTokenRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
