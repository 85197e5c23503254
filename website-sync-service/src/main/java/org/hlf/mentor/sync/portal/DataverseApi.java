package org.hlf.mentor.sync.portal;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The Dataverse Web API subset we call. Only {@link PortalClient} uses it: it adds tokens and fault tolerance. */
@RegisterRestClient(configKey = "dataverse")
@Path("/api/data/v9.2")
@ClientHeaderParam(name = "OData-Version", value = "4.0")
@ClientHeaderParam(name = "OData-MaxVersion", value = "4.0")
@ClientHeaderParam(name = HttpHeaders.ACCEPT, value = "application/json")
interface DataverseApi {

    /** Update only ({@code If-Match: *}): a missing row is a 404, never created. */
    @PATCH
    @Path("/{entitySet}({keyColumn}='{id}')")
    @ClientHeaderParam(name = HttpHeaders.IF_MATCH, value = "*")
    @ClientHeaderParam(name = HttpHeaders.CONTENT_TYPE, value = "application/json")
    Uni<Response> update(@PathParam("entitySet") String entitySet, @PathParam("keyColumn") String keyColumn,
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            Map<String, Object> columns);

    @GET
    @Path("/{entitySet}({keyColumn}='{id}')")
    Uni<Map<String, Object>> read(@PathParam("entitySet") String entitySet, @PathParam("keyColumn") String keyColumn,
            @PathParam("id") UUID id, @QueryParam("$select") String select,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** One page of a collection; Dataverse serves at most 5,000 rows a page and links the next. */
    @GET
    @Path("/{entitySet}")
    Uni<ContactPage> list(@PathParam("entitySet") String entitySet, @QueryParam("$select") String select,
            @QueryParam("$filter") String filter, @QueryParam("$skiptoken") String skipToken,
            @HeaderParam("Prefer") String prefer, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** The boundary is fixed: our parts are PATCH lines, UUIDs and booleans, which can never contain it. */
    @POST
    @Path("/$batch")
    @Consumes(BatchCodec.CONTENT_TYPE)
    @ClientHeaderParam(name = "Prefer", value = "odata.continue-on-error")
    Uni<Response> batch(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : null;
        return PortalErrors.of(response.getStatus(), body, response.getHeaderString("Retry-After"));
    }
}
