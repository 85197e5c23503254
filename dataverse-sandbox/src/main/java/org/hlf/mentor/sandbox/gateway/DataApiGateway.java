package org.hlf.mentor.sandbox.gateway;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.hlf.mentor.sandbox.auth.BearerAuthenticator;
import org.hlf.mentor.sandbox.faults.Fault;
import org.hlf.mentor.sandbox.faults.FaultEffects;
import org.hlf.mentor.sandbox.faults.FaultInjector;
import org.hlf.mentor.sandbox.faults.FaultTarget;
import org.hlf.mentor.sandbox.limits.Admission;
import org.hlf.mentor.sandbox.limits.ServiceProtection;
import org.hlf.mentor.sandbox.odata.ODataErrors;
import org.hlf.mentor.sandbox.odata.ODataResult;
import org.hlf.mentor.sandbox.requestlog.RequestLog;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The front door every data API call passes, in the order the real service applies it: authentication,
 * then service protection limits, then whatever the operator injected, then the operation itself. Injected
 * latency and holds run inside the admitted request, so they count as execution time and hold a concurrency
 * slot, just as a slow Dataverse request does; a held call runs its operation only once released, against
 * the store as it is then.
 */
@ApplicationScoped
public class DataApiGateway {

    private static final Logger LOG = Logger.getLogger(DataApiGateway.class);

    private final BearerAuthenticator authenticator;
    private final ServiceProtection protection;
    private final FaultInjector faults;
    private final RequestLog log;

    public DataApiGateway(BearerAuthenticator authenticator, ServiceProtection protection, FaultInjector faults,
                          RequestLog log) {
        this.authenticator = authenticator;
        this.protection = protection;
        this.faults = faults;
        this.log = log;
    }

    /** @param handler runs the operation for the authenticated client id */
    public Uni<Response> call(DataCall call, Function<String, Handled> handler) {
        String requestId = UUID.randomUUID().toString();
        Instant received = log.now();
        Optional<String> client = authenticator.clientOf(call.authorization());
        if (client.isEmpty()) {
            log.record(requestId, null, call.method(), call.path(), call.mentorId(), 401, null, "no valid bearer token");
            return answer(unauthorized(), requestId);
        }
        String clientId = client.get();
        Admission admission = protection.admit(clientId);
        if (admission instanceof Admission.Refused refused) {
            log.record(requestId, clientId, call.method(), call.path(), call.mentorId(), 429, null,
                    "throttled " + refused.code());
            return answer(ODataErrors.error(429, refused.code(), refused.message(),
                    Map.of("Retry-After", Integer.toString(refused.retryAfterSeconds()))), requestId);
        }
        Admission.Ticket ticket = ((Admission.Admitted) admission).ticket();
        Optional<Fault> drawn = faults.draw(FaultTarget.dataCall(call.method(), call.mentorId()));
        return FaultEffects.await(drawn)
                .map(fault -> run(call, received, requestId, clientId, fault, handler))
                .onTermination().invoke(ticket::release);
    }

    private Response run(DataCall call, Instant received, String requestId, String clientId, Optional<Fault> fault,
                         Function<String, Handled> handler) {
        if (fault.isPresent() && fault.get().resetConnection()) {
            log.record(received, requestId, clientId, call.method(), call.path(), call.mentorId(), 0, null,
                    fault.get().description());
            FaultEffects.dropConnection(call.http());
            return Response.serverError().build();
        }
        if (fault.isPresent() && fault.get().status() != null) {
            Fault failure = fault.get();
            log.record(received, requestId, clientId, call.method(), call.path(), call.mentorId(), failure.status(), null,
                    failure.description());
            return withRequestId(injectedFailure(failure), requestId);
        }
        Handled handled;
        try {
            handled = handler.apply(clientId);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Unexpected failure answering %s %s", call.method(), call.path());
            log.record(received, requestId, clientId, call.method(), call.path(), call.mentorId(), 500, null, e.toString());
            return withRequestId(ODataErrors.error(500, ODataErrors.UNEXPECTED, "An unexpected error occurred."), requestId);
        }
        String note = fault.map(Fault::description).orElse(null);
        UUID mentorId = handled.mentorId() != null ? handled.mentorId() : call.mentorId();
        log.record(received, requestId, clientId, call.method(), call.path(), mentorId, handled.answer().status(),
                handled.visibility(), note);
        for (Handled.PartRecord part : handled.parts()) {
            log.record(received, requestId, clientId, part.method(), part.path(), part.mentorId(), part.status(),
                    part.visibility(), part.note());
        }
        return withRequestId(handled.answer(), requestId);
    }

    private static ODataResult injectedFailure(Fault fault) {
        Map<String, String> headers = fault.retryAfterSeconds() == null ? Map.of()
                : Map.of("Retry-After", fault.retryAfterSeconds().toString());
        return ODataErrors.error(fault.status(), ODataErrors.UNEXPECTED,
                "The sandbox injected this failure (" + fault.description() + ").", headers);
    }

    private static ODataResult unauthorized() {
        return ODataErrors.error(401, ODataErrors.ODATA_LAYER,
                "The request has no valid bearer token: it is missing, unknown or expired.",
                Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
    }

    private static Uni<Response> answer(ODataResult result, String requestId) {
        return Uni.createFrom().item(withRequestId(result, requestId));
    }

    private static Response withRequestId(ODataResult result, String requestId) {
        // Dataverse tags each answer with REQ_ID; support cases quote it, and so can the request log
        return result.withHeader("REQ_ID", requestId).toResponse();
    }
}
