package org.hlf.mentor.sandbox.admin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.hlf.mentor.sandbox.auth.ClientRegistration;
import org.hlf.mentor.sandbox.auth.ClientRegistry;

import java.util.Map;

/** Registers OAuth clients, the step done in Entra ID for the real portal. */
@Path("/sandbox/clients")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ClientsAdminResource {

    private final ClientRegistry clients;

    public ClientsAdminResource(ClientRegistry clients) {
        this.clients = clients;
    }

    /** 201 for a new client, 200 when an existing client gets a new secret; the secret is never echoed. */
    @POST
    public Response register(ClientRegistration registration) {
        if (registration == null) {
            throw new AdminRequestException("A JSON object {\"clientId\", \"clientSecret\"} is required.");
        }
        String problem = registration.problem();
        if (problem != null) {
            throw new AdminRequestException(problem);
        }
        boolean created = clients.register(registration);
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                .entity(Map.of("clientId", registration.clientId()))
                .build();
    }
}
