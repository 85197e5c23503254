package org.hlf.mentor.pause.status;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hlf.mentor.pause.PauseApi.expire;
import static org.hlf.mentor.pause.PauseApi.lift;
import static org.hlf.mentor.pause.PauseApi.pause;
import static org.hlf.mentor.pause.PauseApi.registerCertified;
import static org.hlf.mentor.pause.PauseApi.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hlf.mentor.events.CertificationExpired;
import org.hlf.mentor.events.CertificationRenewed;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.pause.PauseDb;
import org.hlf.mentor.testsupport.TestTokens;
import org.hlf.mentor.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

/**
 * Writes decided from a read that another write overtook. The test holds the mentor's row lock in its own
 * transaction, so each writer has read and then waits at its UPDATE (seen in pg_stat_activity), in the order the
 * test starts them; releasing the lock lets them commit in that order. No sleeps.
 */
@QuarkusTest
class InterleavedWritesTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Oslo"));

    @Inject
    Pool pool;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /**
     * Expired with an open pause; a lift closes the pause while a renewal, decided from "pause open", waits: the
     * renewal must not write PAUSED without a pause (a mentor that could then be neither lifted nor paused).
     */
    @Test
    void aRenewalDecidedBeforeALiftClosedThePauseIsDecidedAgain() throws Exception {
        UUID id = registerCertified("oslo");
        pause(id).then().statusCode(200);
        expire(id).then().statusCode(200).body("status", equalTo("EXPIRED_CERT"));

        RowLock lock = RowLock.on(pool, id);
        CompletableFuture<Response> lifted = CompletableFuture.supplyAsync(() -> lift(id));
        awaitWaiters(1);
        var renewal = new CertificationRenewed(UUID.randomUUID(), id, TODAY.plusYears(1), Instant.now());
        send(id, mapper.writeValueAsString(renewal));
        awaitWaiters(2);
        lock.release();

        assertThat(lifted.join().statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> status(id).jsonPath().getString("status").equals("ACTIVE"));
        status(id).then().body("currentPause", nullValue());
        pause(id).then().statusCode(200).body("status", equalTo("PAUSED"));
        lift(id).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    /** The sweep read the mentor as lapsed; a renewal commits first; the sweep's expiry must change nothing. */
    @Test
    void anExpiryDecidedBeforeARenewalWasCommittedChangesNothing() throws Exception {
        UUID id = registerCertified("bergen");
        new PauseDb(pool).execute("UPDATE peer_mentor SET certification_valid_until = $2 WHERE id = $1", id,
                TODAY.minusDays(1));

        RowLock lock = RowLock.on(pool, id);
        var renewal = new CertificationRenewed(UUID.randomUUID(), id, TODAY.plusYears(1), Instant.now());
        send(id, mapper.writeValueAsString(renewal));
        awaitWaiters(1);
        CompletableFuture<Response> sweep = CompletableFuture.supplyAsync(
                () -> given().auth().oauth2(TestTokens.admin()).post("/api/v1/admin/expiry-sweep"));
        awaitWaiters(2);
        lock.release();

        assertThat(sweep.join().statusCode()).isEqualTo(200);
        status(id).then().body("status", equalTo("ACTIVE"))
                .body("certificationValidUntil", equalTo(TODAY.plusYears(1).toString()));
        assertThat(new TopicReader(bootstrapServers).read(Topics.MENTOR_STATUS_CHANGED, id.toString()))
                .as("only the registration").hasSize(1);
    }

    /** A late or re-sent expiry naming a date before the renewal the service already applied. */
    @Test
    void aLateExpiryAfterARenewalChangesNothing() throws Exception {
        UUID id = registerCertified("oslo");
        var renewal = new CertificationRenewed(UUID.randomUUID(), id, TODAY.plusYears(2), Instant.now());
        send(id, mapper.writeValueAsString(renewal));
        await().atMost(WAIT).until(() -> status(id).jsonPath().getString("certificationValidUntil")
                .equals(TODAY.plusYears(2).toString()));
        long version = status(id).jsonPath().getLong("version");

        var late = new CertificationExpired(UUID.randomUUID(), id, TODAY.minusDays(3), Instant.now());
        send(id, mapper.writeValueAsString(late));
        await().atMost(WAIT).until(() -> new PauseDb(pool).one(
                "SELECT count(*) AS n FROM processed_event WHERE event_id = $1", late.eventId()).getLong("n") == 1);

        status(id).then().body("status", equalTo("ACTIVE")).body("version", equalTo((int) version))
                .body("certificationValidUntil", equalTo(TODAY.plusYears(2).toString()));
    }

    /** A new certification date alone is an accepted write: it moves the version, without an event. */
    @Test
    void aNewCertificationDateMovesTheVersionWithoutAnEvent() throws Exception {
        UUID id = registerCertified("oslo");
        var renewal = new CertificationRenewed(UUID.randomUUID(), id, TODAY.plusYears(3), Instant.now());
        send(id, mapper.writeValueAsString(renewal));

        await().atMost(WAIT).until(() -> status(id).jsonPath().getInt("version") == 2);
        status(id).then().body("status", equalTo("ACTIVE"))
                .body("certificationValidUntil", equalTo(TODAY.plusYears(3).toString()));
        assertThat(new PauseDb(pool).outboxRows(id, Topics.MENTOR_STATUS_CHANGED)).isEqualTo(1);
    }

    private void awaitWaiters(int count) {
        await().atMost(WAIT).until(() -> new PauseDb(pool).one("""
                SELECT count(*) AS n FROM pg_stat_activity
                 WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%peer_mentor%'
                   AND pid <> pg_backend_pid()""").getLong("n") == count);
    }

    private void send(UUID key, String value) {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.CERTIFICATION_EVENTS, key.toString(), value))
                    .awaitCompletion();
        }
    }

    /** The mentor's row lock, held by the test in a transaction of its own. */
    private record RowLock(SqlConnection connection, Transaction tx) {

        static RowLock on(Pool pool, UUID mentorId) {
            SqlConnection connection = pool.getConnection().await().atMost(WAIT);
            Transaction tx = connection.begin().await().atMost(WAIT);
            connection.preparedQuery("SELECT 1 FROM peer_mentor WHERE id = $1 FOR UPDATE").execute(Tuple.of(mentorId))
                    .await().atMost(WAIT);
            return new RowLock(connection, tx);
        }

        void release() {
            tx.rollback().await().atMost(WAIT);
            connection.close().await().atMost(WAIT);
        }
    }
}
