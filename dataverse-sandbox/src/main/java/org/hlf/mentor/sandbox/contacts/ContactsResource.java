package org.hlf.mentor.sandbox.contacts;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hlf.mentor.sandbox.gateway.DataApiGateway;
import org.hlf.mentor.sandbox.gateway.DataCall;
import org.hlf.mentor.sandbox.gateway.Handled;
import org.hlf.mentor.sandbox.query.ContactCollection;

import java.util.List;
import java.util.Map;

/**
 * {@code PATCH} and {@code GET} on {@code /api/data/v9.2/contacts(hlf_mentorid='...')}, and {@code GET} on the
 * collection {@code /api/data/v9.2/contacts}. The entity set name is configuration, so one path template
 * serves both and the segment decides.
 */
@Path(ContactsResource.SERVICE_ROOT)
public class ContactsResource {

    public static final String SERVICE_ROOT = "/api/data/v9.2";

    private final DataApiGateway gateway;
    private final ContactOperations operations;
    private final ContactCollection collection;

    public ContactsResource(DataApiGateway gateway, ContactOperations operations, ContactCollection collection) {
        this.gateway = gateway;
        this.operations = operations;
        this.collection = collection;
    }

    @PATCH
    @Path("{segment}")
    public Uni<Response> patch(@PathParam("segment") String segment,
                               @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                               @HeaderParam("If-Match") String ifMatch,
                               @HeaderParam("If-None-Match") String ifNoneMatch,
                               @HeaderParam("Prefer") String prefer,
                               @Context UriInfo uri,
                               @Context HttpServerRequest http,
                               String body) {
        DataCall call = call("PATCH", segment, authorization, uri, http);
        ContactRequest request = new ContactRequest(segment, serviceRoot(uri), body, ifMatch, ifNoneMatch, prefer, null);
        return gateway.call(call, client -> {
            ContactOperations.Outcome outcome = operations.patch(request, null);
            return Handled.single(outcome.answer(), outcome.mentorId(), outcome.written());
        });
    }

    @GET
    @Path("{segment}")
    public Uni<Response> get(@PathParam("segment") String segment,
                             @QueryParam("$select") String select,
                             @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                             @HeaderParam("Prefer") String prefer,
                             @Context UriInfo uri,
                             @Context HttpServerRequest http) {
        DataCall call = call("GET", segment, authorization, uri, http);
        if (collection.isCollection(segment)) {
            Map<String, List<String>> parameters = uri.getQueryParameters();
            String serviceRoot = serviceRoot(uri);
            return gateway.call(call, client ->
                    Handled.single(collection.read(parameters, prefer, serviceRoot), null, null));
        }
        ContactRequest request = new ContactRequest(segment, serviceRoot(uri), null, null, null, null, select);
        return gateway.call(call, client -> {
            ContactOperations.Outcome outcome = operations.get(request);
            return Handled.single(outcome.answer(), outcome.mentorId(), null);
        });
    }

    /** The absolute service root as the caller reached it, for the URLs Dataverse puts in its answers. */
    public static String serviceRoot(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + SERVICE_ROOT;
    }

    private DataCall call(String method, String segment, String authorization, UriInfo uri, HttpServerRequest http) {
        return new DataCall(method, "/" + uri.getPath().replaceFirst("^/", ""),
                ContactAddress.mentorIdOf(segment, operations.columns()).orElse(null), authorization, http);
    }
}
