package org.hlf.mentor.pause.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hlf.mentor.pause.PauseApi.register;
import static org.hlf.mentor.pause.PauseApi.status;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hlf.mentor.events.CertificationExpired;
import org.hlf.mentor.events.CertificationRenewed;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.pause.PauseDb;
import org.junit.jupiter.api.Test;

/**
 * A database connection lost while a certification event is applied (restart, failover) is retried, not
 * dead-lettered, and the consumer goes on. The loss is real: the test holds the mentor's row lock so the handler
 * waits on its UPDATE, then ends that backend with pg_terminate_backend.
 */
@QuarkusTest
class TransientFailuresTest extends CertificationTopicFixture {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void renewalInterruptedByALostDatabaseConnectionIsRetriedNotDeadLettered() throws Exception {
        UUID id = register("oslo", TODAY.minusDays(10));
        var renewal = new CertificationRenewed(UUID.randomUUID(), id, TODAY.plusYears(1), Instant.now());
        try (PauseDb.RowLock lock = PauseDb.lockMentor(pool, id)) {
            send(id, renewal);
            lock.terminateWaiter();
            lock.release();
        }

        awaitAppliedOrDeadLettered(renewal.eventId(), id);
        assertThat(topics.read(Topics.CERTIFICATION_EVENTS_DLQ, id.toString())).isEmpty();
        assertThat(status(id).jsonPath().getString("status")).isEqualTo("ACTIVE");
        assertThat(renewals(id)).isEqualTo(1);
        assertThat(processed(renewal.eventId())).isEqualTo(1);
    }

    @Test
    void consumerKeepsApplyingLaterEventsAfterATransientFailure() throws Exception {
        UUID interrupted = register("oslo", TODAY.minusDays(10));
        UUID later = register("bergen", TODAY.plusYears(1));
        var renewal = new CertificationRenewed(UUID.randomUUID(), interrupted, TODAY.plusYears(1), Instant.now());
        // a revocation names the end date we know
        var expiry = new CertificationExpired(UUID.randomUUID(), later, TODAY.plusYears(1), Instant.now());
        try (PauseDb.RowLock lock = PauseDb.lockMentor(pool, interrupted)) {
            send(interrupted, renewal);
            lock.terminateWaiter();
            send(later, expiry);
            lock.release();
        }

        await().atMost(WAIT).until(() -> processed(expiry.eventId()) == 1);
        awaitAppliedOrDeadLettered(renewal.eventId(), interrupted);
        assertThat(status(later).jsonPath().getString("status")).isEqualTo("EXPIRED_CERT");
        assertThat(topics.read(Topics.CERTIFICATION_EVENTS_DLQ, interrupted.toString())).isEmpty();
        assertThat(status(interrupted).jsonPath().getString("status")).isEqualTo("ACTIVE");
        assertThat(renewals(interrupted)).isEqualTo(1);
    }

    /** Either outcome ends the wait: the assertions then say which one happened. */
    private void awaitAppliedOrDeadLettered(UUID eventId, UUID mentorId) {
        await().atMost(WAIT).until(() -> processed(eventId) == 1
                || !topics.read(Topics.CERTIFICATION_EVENTS_DLQ, mentorId.toString()).isEmpty());
    }

    private long renewals(UUID mentorId) {
        return db.one("SELECT count(*) AS n FROM status_audit WHERE mentor_id = $1 AND action = 'RENEW'", mentorId)
                .getLong("n");
    }
}
