package org.hlf.mentor.sync.write;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hlf.mentor.sync.config.SyncConfig;
import org.hlf.mentor.sync.portal.Attempts;
import org.hlf.mentor.sync.portal.PartResult;
import org.hlf.mentor.sync.portal.PortalBackoff;
import org.hlf.mentor.sync.portal.PortalGate;
import org.hlf.mentor.sync.portal.PortalBudgetUsedUp;
import org.hlf.mentor.sync.portal.PortalClient;
import org.hlf.mentor.sync.portal.PortalException;
import org.hlf.mentor.sync.portal.VisibilityChange;

/**
 * Writes visibility changes (at most one per mentor) to the portal: single PATCHes in parallel for a few, {@code $batch}
 * requests for many. Never fails: each change answers how it ended. Everything, every retry and {@code $batch}
 * round and Retry-After wait included, ends by the deadline it is given: what is not written by then has failed,
 * so a consumer poll always ends well inside the channel's unprocessed-record limit.
 */
@ApplicationScoped
class PortalWriter {

    private final PortalClient portal;
    private final PortalGate gate;
    private final SyncConfig config;

    PortalWriter(PortalClient portal, PortalGate gate, SyncConfig config) {
        this.portal = portal;
        this.gate = gate;
        this.config = config;
    }

    Uni<List<Applied>> write(List<VisibilityChange> changes, Instant deadline) {
        if (changes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        SyncConfig.Batch batch = config.batch();
        if (batch.enabled() && changes.size() >= batch.minOperations()) {
            List<List<VisibilityChange>> chunks = new ArrayList<>();
            for (int i = 0; i < changes.size(); i += batch.maxOperations()) {
                chunks.add(changes.subList(i, Math.min(changes.size(), i + batch.maxOperations())));
            }
            // one batch at a time: a batch already counts as many operations against the execution-time limit
            return Multi.createFrom().iterable(chunks).onItem()
                    .transformToUniAndConcatenate(chunk -> batch(chunk, deadline))
                    .collect().in(ArrayList::new, List::addAll);
        }
        return Multi.createFrom().iterable(changes).onItem().transformToUni(change -> single(change, deadline))
                .merge(config.portal().concurrency()).collect().asList();
    }

    private Uni<Applied> single(VisibilityChange change, Instant deadline) {
        Attempts attempts = new Attempts(deadline);
        long start = System.nanoTime();
        return byDeadline(portal.update(change, attempts), deadline, attempts)
                .map(ok -> new Applied(change, attempts.count(), null, attempts.firstFailure(), millisSince(start)))
                .onFailure().recoverWithItem(failure -> new Applied(change, Math.max(1, attempts.count()), failure,
                        attempts.firstFailure() == null ? Instant.now() : attempts.firstFailure(), millisSince(start)));
    }

    private Uni<List<Applied>> batch(List<VisibilityChange> chunk, Instant deadline) {
        return round(new BatchProgress(chunk, System.nanoTime()), chunk, 1, deadline);
    }

    /**
     * One {@code $batch} round; parts that failed for a passing reason go again, up to the configured rounds and
     * only while the next round can start before the deadline.
     */
    private Uni<List<Applied>> round(BatchProgress progress, List<VisibilityChange> pending, int round,
            Instant deadline) {
        Attempts calls = new Attempts(deadline);
        return byDeadline(portal.batch(pending, calls), deadline, calls)
                .onItem().transformToUni(results -> {
                    progress.called(pending, calls);
                    List<VisibilityChange> again = new ArrayList<>();
                    PortalException lastRetryable = null;
                    for (PartResult result : results) {
                        if (result.succeeded()) {
                            progress.done(result.change(), null);
                        } else if (result.failure().retryable() && round < config.batch().partAttempts()) {
                            progress.failedOnce(result.change());
                            again.add(result.change());
                            lastRetryable = result.failure();
                        } else {
                            progress.done(result.change(), result.failure());
                        }
                    }
                    if (again.isEmpty()) {
                        return Uni.createFrom().item(progress.results());
                    }
                    gate.observe(lastRetryable); // a part's Retry-After holds the whole replica too
                    PortalBackoff backoff = new PortalBackoff(config.backoff());
                    backoff.init(config.batch().partRetryDelay().toMillis());
                    long delay = 0;
                    for (int i = 0; i < round; i++) {
                        delay = backoff.nextDelayInMillis(lastRetryable);
                    }
                    if (Instant.now().plusMillis(delay).isAfter(deadline)) {
                        PortalException last = lastRetryable;
                        again.forEach(change -> progress.done(change, new PortalBudgetUsedUp(deadline, last)));
                        return Uni.createFrom().item(progress.results());
                    }
                    return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(delay))
                            .onItem().transformToUni(v -> round(progress, again, round + 1, deadline));
                })
                .onFailure().recoverWithItem(failure -> {
                    progress.called(pending, calls);
                    pending.forEach(change -> progress.done(change, failure));
                    return progress.results();
                });
    }

    /** The call, or a retryable failure once the deadline passes (the call's own retries are cancelled). */
    private static <T> Uni<T> byDeadline(Uni<T> call, Instant deadline, Attempts attempts) {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            return Uni.createFrom().failure(new PortalBudgetUsedUp(deadline, attempts.lastFailure()));
        }
        // the caller hears at the deadline; an attempt fault tolerance would start later refuses itself (Attempts)
        return call.ifNoItem().after(left).failWith(() -> new PortalBudgetUsedUp(deadline, attempts.lastFailure()));
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Per-change attempts and outcome across the rounds of one chunk. */
    private static final class BatchProgress {

        private final List<VisibilityChange> changes;
        private final long start;
        private final Map<UUID, Integer> attempts = new HashMap<>();
        private final Map<UUID, Instant> firstFailure = new HashMap<>();
        private final Map<UUID, Applied> done = new HashMap<>();

        BatchProgress(List<VisibilityChange> changes, long start) {
            this.changes = changes;
            this.start = start;
        }

        void called(List<VisibilityChange> included, Attempts calls) {
            int n = Math.max(1, calls.count());
            included.forEach(change -> attempts.merge(change.mentorId(), n, Integer::sum));
            if (calls.firstFailure() != null) {
                included.forEach(change -> firstFailure.putIfAbsent(change.mentorId(), calls.firstFailure()));
            }
        }

        void failedOnce(VisibilityChange change) {
            firstFailure.putIfAbsent(change.mentorId(), Instant.now());
        }

        void done(VisibilityChange change, Throwable failure) {
            if (failure != null) {
                firstFailure.putIfAbsent(change.mentorId(), Instant.now());
            }
            done.put(change.mentorId(), new Applied(change, attempts.getOrDefault(change.mentorId(), 1), failure,
                    firstFailure.get(change.mentorId()), millisSince(start)));
        }

        List<Applied> results() {
            List<Applied> results = new ArrayList<>(changes.size());
            changes.forEach(change -> results.add(done.get(change.mentorId())));
            return results;
        }
    }
}
