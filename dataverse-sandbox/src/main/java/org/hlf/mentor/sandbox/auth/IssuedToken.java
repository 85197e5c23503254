package org.hlf.mentor.sandbox.auth;

import java.time.Instant;

/** An opaque access token: the string means nothing by itself, only the issuer knows whom it belongs to. */
public record IssuedToken(String accessToken, String clientId, Instant expiresAt, long lifetimeSeconds) {

    public boolean validAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
