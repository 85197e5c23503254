package org.hlf.mentor.sandbox.admin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.hlf.mentor.sandbox.limits.LimitsUpdate;
import org.hlf.mentor.sandbox.limits.ServiceProtection;

/**
 * The service protection limits. {@code PUT} changes the fields it names and starts every client's
 * window afresh; {@code DELETE} restores the configured limits.
 */
@Path("/sandbox/limits")
@Produces(MediaType.APPLICATION_JSON)
public class LimitsAdminResource {

    private final ServiceProtection protection;

    public LimitsAdminResource(ServiceProtection protection) {
        this.protection = protection;
    }

    @GET
    public LimitsStatus show() {
        return LimitsStatus.of(protection.settings(), protection.usage());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public LimitsStatus change(LimitsUpdate update) {
        if (update == null) {
            throw new AdminRequestException("A JSON object with the limits to change is required.");
        }
        try {
            protection.update(update);
        } catch (IllegalArgumentException e) {
            throw new AdminRequestException(e.getMessage());
        }
        return show();
    }

    @DELETE
    public LimitsStatus restore() {
        protection.restoreConfigured();
        return show();
    }
}
