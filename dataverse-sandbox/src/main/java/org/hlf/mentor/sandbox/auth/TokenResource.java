package org.hlf.mentor.sandbox.auth;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.hlf.mentor.sandbox.faults.Fault;
import org.hlf.mentor.sandbox.faults.FaultEffects;
import org.hlf.mentor.sandbox.faults.FaultInjector;
import org.hlf.mentor.sandbox.faults.FaultTarget;
import org.hlf.mentor.sandbox.requestlog.RequestLog;

import java.util.UUID;

/**
 * Entra ID's v2 token endpoint, {@code POST /{tenant}/oauth2/v2.0/token}. Any tenant is accepted: the
 * sandbox plays one directory. Faults reach this endpoint only when a rule says {@code includeToken}.
 */
@Path("/{tenant}/oauth2/v2.0/token")
public class TokenResource {

    private final TokenGrant grant;
    private final FaultInjector faults;
    private final RequestLog log;

    public TokenResource(TokenGrant grant, FaultInjector faults, RequestLog log) {
        this.grant = grant;
        this.faults = faults;
        this.log = log;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> token(@PathParam("tenant") String tenant, MultivaluedMap<String, String> form,
                               @Context HttpServerRequest http) {
        String path = "/" + tenant + "/oauth2/v2.0/token";
        String clientId = form.getFirst("client_id");
        String requestId = UUID.randomUUID().toString();
        return FaultEffects.await(faults.draw(FaultTarget.token())).map(fault -> {
            if (fault.isPresent() && fault.get().resetConnection()) {
                log.record(requestId, clientId, "POST", path, null, 0, null, fault.get().description());
                FaultEffects.dropConnection(http);
                return Response.serverError().build();
            }
            Response response;
            if (fault.isPresent() && fault.get().status() != null) {
                response = TokenGrant.error(fault.get().status(), "temporarily_unavailable", 50001,
                        "The sandbox injected this failure (" + fault.get().description() + ").");
            } else {
                response = grant.grant(form);
            }
            log.record(requestId, clientId, "POST", path, null, response.getStatus(), null,
                    fault.map(Fault::description).orElse(null));
            return response;
        });
    }
}
