package org.hlf.mentor.sandbox.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** Entra ID's error body; client libraries read {@code error}, people read {@code error_description}. */
public record OAuthError(
        String error,
        @JsonProperty("error_description") String errorDescription,
        @JsonProperty("error_codes") List<Integer> errorCodes) {
}
