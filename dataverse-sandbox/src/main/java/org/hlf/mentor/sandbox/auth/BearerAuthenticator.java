package org.hlf.mentor.sandbox.auth;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Turns an {@code Authorization} header into the client that holds the token. */
@ApplicationScoped
public class BearerAuthenticator {

    private static final String SCHEME = "bearer ";

    private final TokenStore tokens;

    public BearerAuthenticator(TokenStore tokens) {
        this.tokens = tokens;
    }

    public Optional<String> clientOf(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.length() <= SCHEME.length()
                || !authorizationHeader.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        return tokens.clientOf(authorizationHeader.substring(SCHEME.length()).trim());
    }
}
