package org.hlf.mentor.pause.expiry;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hlf.mentor.pause.config.PauseConfig;
import org.hlf.mentor.pause.security.Actor;
import org.hlf.mentor.pause.status.MentorTransitions;
import org.hlf.mentor.pause.status.StatusService;
import org.hlf.mentor.pause.support.NewContext;
import org.jboss.logging.Logger;

/**
 * Expires every mentor whose certification ended before today and who is not EXPIRED_CERT yet, each through the
 * normal transition path (own transaction, audit, outbox). Chunks are read by keyset on the id, so a mentor that
 * fails is reported once, never looped on. Two replicas sweeping at once race per mentor: the version check lets
 * one win and the other finds the mentor already expired, so there is exactly one event.
 */
@ApplicationScoped
public class ExpirySweep {

    private static final Logger LOG = Logger.getLogger(ExpirySweep.class);
    /** PostgreSQL orders uuids bytewise, so the smallest is all zeros. */
    private static final UUID BEFORE_ALL = new UUID(0L, 0L);

    private final MentorTransitions transitions;
    private final NewContext newContext;
    private final Clock clock;
    private final PauseConfig config;

    public ExpirySweep(MentorTransitions transitions, NewContext newContext, Clock clock, PauseConfig config) {
        this.transitions = transitions;
        this.newContext = newContext;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(cron = "${hlf.pause.expiry.cron}", timeZone = "${hlf.pause.zone:Europe/Oslo}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().invoke(result -> LOG.infof("expiry sweep: %s", result)).replaceWithVoid();
    }

    /** Sweeps now and answers the counts. */
    public Uni<SweepResult> run() {
        LocalDate today = LocalDate.now(clock);
        String runId = "sweep-" + UUID.randomUUID();
        return sweepFrom(BEFORE_ALL, today, runId, new SweepResult(0, 0, 0, 0));
    }

    private Uni<SweepResult> sweepFrom(UUID after, LocalDate today, String runId, SweepResult soFar) {
        return dueChunk(after, today).flatMap(chunk -> {
            if (chunk.isEmpty()) {
                return Uni.createFrom().item(soFar);
            }
            UUID last = (UUID) chunk.get(chunk.size() - 1)[0];
            return Multi.createFrom().iterable(chunk)
                    .onItem().transformToUni(row -> expire((UUID) row[0], (LocalDate) row[1], runId))
                    .merge(config.expiry().concurrency())
                    .collect().in(() -> new SweepResult[] {new SweepResult(0, 0, 0, 0)},
                            (acc, one) -> acc[0] = acc[0].plus(one))
                    .flatMap(acc -> sweepFrom(last, today, runId, soFar.plus(acc[0])));
        });
    }

    private Uni<List<Object[]>> dueChunk(UUID after, LocalDate today) {
        return newContext.run(() -> Panache.withSession(() -> Panache.getSession().flatMap(session -> session
                .createNativeQuery("""
                        SELECT id, certification_valid_until FROM peer_mentor
                         WHERE status <> 'EXPIRED_CERT' AND certification_valid_until < ?1 AND id > ?2
                         ORDER BY id LIMIT ?3""", Object[].class)
                .setParameter(1, today).setParameter(2, after).setParameter(3, config.expiry().chunkSize())
                .getResultList())));
    }

    private Uni<SweepResult> expire(UUID mentorId, LocalDate lapsedOn, String runId) {
        Actor actor = Actor.system("expiry-sweep", runId);
        var request = MentorTransitions.Request.expire("certification expired on " + lapsedOn, lapsedOn);
        return newContext.run(() -> transitions.apply(mentorId, request, actor))
                .onFailure(StatusService::lostRace).retry().withBackOff(Duration.ofMillis(10)).atMost(3)
                .map(applied -> applied.changed() ? new SweepResult(1, 1, 0, 0) : new SweepResult(1, 0, 1, 0))
                .onFailure().recoverWithItem(failure -> {
                    LOG.errorf(failure, "expiry sweep could not expire mentor %s", mentorId);
                    return new SweepResult(1, 0, 0, 1);
                });
    }
}
