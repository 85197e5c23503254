package org.hlf.mentor.sandbox.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Entra ID's answer to a client-credentials request. */
public record TokenResponse(
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("ext_expires_in") long extExpiresIn,
        @JsonProperty("access_token") String accessToken) {
}
