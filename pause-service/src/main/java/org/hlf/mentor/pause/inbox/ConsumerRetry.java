package org.hlf.mentor.pause.inbox;

import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;
import org.hlf.mentor.pause.config.PauseConfig;
import org.jboss.logging.Logger;

/**
 * Runs a consumer's attempt again while its failure may pass, with exponential backoff (by default 200 ms doubling
 * to 10 s) for at most the retry budget (30 s); then the last failure escapes. Each attempt is a new transaction.
 */
public final class ConsumerRetry {

    private static final Logger LOG = Logger.getLogger(ConsumerRetry.class);

    private final PauseConfig.Retry config;

    public ConsumerRetry(PauseConfig.Retry config) {
        this.config = config;
    }

    /** @param what names the work in the log */
    public <T> Uni<T> retried(String what, Supplier<Uni<? extends T>> attempt) {
        return Uni.createFrom().<T>deferred(attempt)
                .onFailure(FailureClassifier::retryable).invoke(failure -> LOG.warnf(
                        "%s failed (%s), retrying: %s", what, FailureClassifier.classify(failure), failure.toString()))
                .onFailure(FailureClassifier::retryable).retry()
                .withBackOff(config.initialBackoff(), config.maxBackoff()).withJitter(0.2)
                // the deadline counts from here: this Uni is built when the record's turn comes
                .expireIn(config.budget().toMillis());
    }
}
