package org.hlf.mentor.sync.roster;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** pause-service's roster read. Only {@link Roster} uses it: it adds the token and fault tolerance. */
@RegisterRestClient(configKey = "pause-service")
@Path("/api/v1/mentors")
@Produces(MediaType.APPLICATION_JSON)
interface PauseServiceApi {

    @GET
    Uni<RosterPage> page(@QueryParam("cursor") String cursor, @QueryParam("limit") int limit,
            @QueryParam("chapterId") String chapterId, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return new RosterUnavailable("pause-service answered " + response.getStatus() + " to the roster read",
                response.getStatus() >= 500 || response.getStatus() == 429);
    }
}
