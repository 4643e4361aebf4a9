package org.thesenforum.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The CSRF token of the current request, for templates: {@code {inject:csrf.parameterName}} and
 * {@code {inject:csrf.token}}. It is the token of the reader's cookie when that one is valid, otherwise a new one,
 * which {@link CsrfFilter} then sets as the cookie.
 */
@Named("csrf")
@RequestScoped
public class CsrfToken {

    private final CsrfTokens tokens;
    private String token;
    private boolean fresh;

    CsrfToken(CsrfTokens tokens) {
        this.tokens = tokens;
    }

    public String getParameterName() {
        return CsrfTokens.NAME;
    }

    public String getToken() {
        if (token == null) {
            token = tokens.create();
            fresh = true;
        }
        return token;
    }

    /** The valid token of the reader's cookie. */
    void fromCookie(String valid) {
        this.token = valid;
    }

    /** Whether this request made a new token that the response must set as the cookie. */
    boolean fresh() {
        return fresh;
    }
}
