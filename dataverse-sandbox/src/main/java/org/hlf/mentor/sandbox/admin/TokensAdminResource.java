package org.hlf.mentor.sandbox.admin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.hlf.mentor.sandbox.auth.TokenStore;

/**
 * Token lifetime and revocation, so a client's refresh path can be exercised in seconds rather than
 * after an hour: {@code PUT {"lifetimeSeconds": 2}} for short-lived tokens, {@code DELETE} to revoke all.
 */
@Path("/sandbox/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokensAdminResource {

    private final TokenStore tokens;

    public TokensAdminResource(TokenStore tokens) {
        this.tokens = tokens;
    }

    public record TokenSettings(Integer lifetimeSeconds) {
    }

    @GET
    public TokenSettings show() {
        return new TokenSettings(tokens.lifetimeSeconds());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public TokenSettings change(TokenSettings settings) {
        if (settings == null || settings.lifetimeSeconds() == null || settings.lifetimeSeconds() < 1) {
            throw new AdminRequestException("lifetimeSeconds must be a whole number of at least 1.");
        }
        tokens.lifetimeSeconds(settings.lifetimeSeconds());
        return show();
    }

    @DELETE
    public void revokeAll() {
        tokens.revokeAll();
    }
}
