package org.hlf.mentor.sandbox.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The client-credentials grant with Entra ID's checks, in Entra ID's order, and its error codes
 * (AADSTS numbers), so a client's error handling can be exercised against realistic answers.
 */
@ApplicationScoped
public class TokenGrant {

    private final ClientRegistry clients;
    private final TokenStore tokens;

    public TokenGrant(ClientRegistry clients, TokenStore tokens) {
        this.clients = clients;
        this.tokens = tokens;
    }

    public Response grant(MultivaluedMap<String, String> form) {
        String grantType = form.getFirst("grant_type");
        String clientId = form.getFirst("client_id");
        String secret = form.getFirst("client_secret");
        String scope = form.getFirst("scope");
        if (blank(grantType)) {
            return missing("grant_type");
        }
        if (!grantType.equals("client_credentials")) {
            return error(400, "unsupported_grant_type", 70003,
                    "The app requested an unsupported grant type '" + grantType + "'.");
        }
        if (blank(clientId)) {
            return missing("client_id");
        }
        if (blank(scope)) {
            return missing("scope");
        }
        if (!scope.trim().endsWith("/.default")) {
            return error(400, "invalid_scope", 1002012, "The provided value for scope " + scope
                    + " is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).");
        }
        if (secret == null || secret.isEmpty()) {
            return error(401, "invalid_client", 7000216,
                    "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.");
        }
        return switch (clients.verify(clientId, secret)) {
            case UNKNOWN_CLIENT -> error(400, "unauthorized_client", 700016,
                    "Application with identifier '" + clientId + "' was not found in the directory.");
            case WRONG_SECRET -> error(401, "invalid_client", 7000215,
                    "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '"
                            + clientId + "'.");
            case ACCEPTED -> issue(clientId);
        };
    }

    private Response issue(String clientId) {
        IssuedToken token = tokens.issue(clientId);
        return Response.ok(new TokenResponse("Bearer", token.lifetimeSeconds(), token.lifetimeSeconds(),
                        token.accessToken()))
                .header("Cache-Control", "no-store, no-cache")
                .header("Pragma", "no-cache")
                .build();
    }

    private static Response missing(String parameter) {
        return error(400, "invalid_request", 900144,
                "The request body must contain the following parameter: '" + parameter + "'.");
    }

    static Response error(int status, String error, int aadsts, String description) {
        return Response.status(status)
                .entity(new OAuthError(error, "AADSTS" + aadsts + ": " + description, List.of(aadsts)))
                .type("application/json; charset=utf-8")
                .header("Cache-Control", "no-store, no-cache")
                .build();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
