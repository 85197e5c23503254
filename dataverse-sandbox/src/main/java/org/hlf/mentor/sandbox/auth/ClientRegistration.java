package org.hlf.mentor.sandbox.auth;

/** An OAuth client allowed to ask for tokens, as registered in Entra ID for the real portal. */
public record ClientRegistration(String clientId, String clientSecret) {

    public String problem() {
        if (clientId == null || clientId.isBlank()) {
            return "clientId is required";
        }
        if (clientSecret == null || clientSecret.isEmpty()) {
            return "clientSecret is required";
        }
        return null;
    }
}
