package org.hlf.mentor.pause.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.hlf.mentor.pause.idempotency.FinalAnswers;
import org.hlf.mentor.pause.status.MentorNotFound;
import org.hlf.mentor.pause.status.TransitionRefused;

/**
 * The final refusals of a status change, rendered by the same mappers that answer them, so a repeat gets the same
 * bytes: a transition the state machine refuses (409) and a mentor the caller cannot see (404). A lost race is not
 * among them: it surfaces as a concurrency failure, and its 409 says the request was never decided on a committed
 * state, so a repeat is decided afresh.
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
            if (t instanceof MentorNotFound notFound) {
                return Optional.of(refusal(mappers.notFound(notFound)));
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
