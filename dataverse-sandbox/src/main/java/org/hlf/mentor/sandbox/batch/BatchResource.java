package org.hlf.mentor.sandbox.batch;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hlf.mentor.sandbox.contacts.ContactsResource;
import org.hlf.mentor.sandbox.gateway.DataApiGateway;
import org.hlf.mentor.sandbox.gateway.DataCall;
import org.hlf.mentor.sandbox.gateway.Handled;
import org.hlf.mentor.sandbox.odata.ODataErrors;
import org.hlf.mentor.sandbox.odata.ODataResult;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/data/v9.2/$batch}. The batch passes the gateway once, so it is one request for the
 * service protection limits however many operations it carries, exactly the reason clients batch.
 */
// clients may percent-encode the '$' (rest-assured does), Quarkus REST matches the raw path: accept both
@Path(ContactsResource.SERVICE_ROOT + "/{batch:(\\$|%24)batch}")
public class BatchResource {

    static final int MAX_OPERATIONS = 1000;
    private static final String CONTINUE_ON_ERROR = "odata.continue-on-error";

    private final DataApiGateway gateway;
    private final BatchExecutor executor;

    public BatchResource(DataApiGateway gateway, BatchExecutor executor) {
        this.gateway = gateway;
        this.executor = executor;
    }

    @POST
    public Uni<Response> batch(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                               @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                               @HeaderParam("Prefer") String prefer,
                               @Context UriInfo uri,
                               @Context HttpServerRequest http,
                               String body) {
        DataCall call = new DataCall("POST", ContactsResource.SERVICE_ROOT + "/$batch", null, authorization, http);
        String serviceRoot = ContactsResource.serviceRoot(uri);
        boolean continueOnError = continueOnError(prefer);
        return gateway.call(call, client -> {
            BatchRequest batch;
            try {
                batch = BatchParser.parse(body == null ? "" : body, boundary(contentType));
            } catch (BatchFormatException e) {
                return Handled.single(ODataErrors.badRequest(e.getMessage()), null, null);
            }
            if (batch.operationCount() > MAX_OPERATIONS) {
                return Handled.single(ODataErrors.badRequest("The batch contains " + batch.operationCount()
                        + " operations; the maximum is " + MAX_OPERATIONS + "."), null, null);
            }
            BatchExecutor.Result result = executor.execute(batch, continueOnError, serviceRoot);
            String boundary = BatchResponseWriter.newBoundary("batchresponse");
            Map<String, String> headers = new LinkedHashMap<>();
            if (continueOnError) {
                headers.put("Preference-Applied", CONTINUE_ON_ERROR);
            }
            ODataResult answer = new ODataResult(200, headers, "multipart/mixed; boundary=" + boundary,
                    BatchResponseWriter.write(result.answers(), boundary));
            return new Handled(answer, null, null, result.records());
        });
    }

    private static String boundary(String contentType) {
        if (!MimeHeaders.mediaType(contentType).equals("multipart/mixed")) {
            throw new BatchFormatException("A $batch request must be Content-Type: multipart/mixed with a boundary.");
        }
        return MimeHeaders.parameter(contentType, "boundary")
                .orElseThrow(() -> new BatchFormatException("The Content-Type of a $batch request must name its boundary."));
    }

    private static boolean continueOnError(String prefer) {
        if (prefer == null) {
            return false;
        }
        for (String preference : prefer.split(",")) {
            String token = preference.trim().toLowerCase(Locale.ROOT);
            if (token.equals(CONTINUE_ON_ERROR) || token.equals(CONTINUE_ON_ERROR + "=true")) {
                return true;
            }
        }
        return false;
    }
}
