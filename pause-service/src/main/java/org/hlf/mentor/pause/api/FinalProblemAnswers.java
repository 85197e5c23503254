package org.hlf.mentor.pause.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.hlf.mentor.pause.idempotency.FinalAnswers;
import org.hlf.mentor.pause.status.TransitionRefused;

/**
 * The final refusals of a status change, rendered by the same mappers that answer them, so a repeat gets the same
 * bytes: a transition the state machine refuses (409). A mentor the caller cannot see (404) is not final: like a 403
 * it is an answer about the caller's scope, a repeat may rightly get further (the mentor registered, the scope
 * widened), and a caller outside the chapter must not be able to write anything, not even a stored answer. A lost
 * race is not final either: it surfaces as a concurrency failure, and its 409 says the request was never decided on
 * a committed state, so a repeat is decided afresh.
 */
@ApplicationScoped
public class FinalProblemAnswers implements FinalAnswers {

    private final ProblemMappers mappers = new ProblemMappers();
    private final ObjectMapper json;

    public FinalProblemAnswers(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Optional<Refusal> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransitionRefused refused) {
                return Optional.of(refusal(mappers.refused(refused)));
            }
        }
        return Optional.empty();
    }

    private Refusal refusal(Response response) {
        try {
            return new Refusal(response.getStatus(), json.writeValueAsString(response.getEntity()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
