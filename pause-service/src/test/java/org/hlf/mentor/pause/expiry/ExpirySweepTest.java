package org.hlf.mentor.pause.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hlf.mentor.pause.PauseApi.as;
import static org.hlf.mentor.pause.PauseApi.lift;
import static org.hlf.mentor.pause.PauseApi.pause;
import static org.hlf.mentor.pause.PauseApi.register;
import static org.hlf.mentor.pause.PauseApi.registerCertified;
import static org.hlf.mentor.pause.PauseApi.status;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.pause.PauseDb;
import org.hlf.mentor.testsupport.TestTokens;
import org.hlf.mentor.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The expiry sweep: due mentors only, pauses kept open, safe when two sweeps run at once. */
@QuarkusTest
class ExpirySweepTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Oslo"));

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private PauseDb db;

    @BeforeEach
    void setUp() {
        db = new PauseDb(pool);
    }

    @Test
    void expiresDueMentorsAndLeavesValidOnesAlone() {
        UUID due = registerCertified("oslo");
        UUID validToday = registerCertified("oslo");
        lapse(due, TODAY.minusDays(1));
        lapse(validToday, TODAY);

        sweep().body("expired", greaterThanOrEqualTo(1)).body("failed", equalTo(0));

        status(due).then().body("status", equalTo("EXPIRED_CERT")).body("version", equalTo(2));
        status(validToday).then().body("status", equalTo("ACTIVE")).body("version", equalTo(1));
    }

    @Test
    void pausedMentorWhoseCertificationLapsesKeepsThePauseAndRenewalReturnsToPaused() {
        UUID id = registerCertified("bergen");
        pause(id).then().statusCode(200);
        lapse(id, TODAY.minusDays(1));

        sweep();
        status(id).then().body("status", equalTo("EXPIRED_CERT")).body("currentPause", notNullValue());

        renew(id, TODAY.plusYears(1)).then().statusCode(200).body("status", equalTo("PAUSED"));
    }

    @Test
    void liftBetweenExpiryAndRenewalMakesTheRenewedMentorActive() {
        UUID id = registerCertified("bergen");
        pause(id).then().statusCode(200);
        lapse(id, TODAY.minusDays(1));
        sweep();
        lift(id).then().statusCode(200).body("status", equalTo("EXPIRED_CERT")).body("currentPause", nullValue());

        renew(id, TODAY.plusYears(1)).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void twoSweepsAtOnceExpireEachMentorOnce() {
        List<UUID> due = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            UUID id = registerCertified("trondheim");
            lapse(id, TODAY.minusDays(2));
            due.add(id);
        }
        var first = CompletableFuture.supplyAsync(() -> sweep().extract().jsonPath().getInt("expired"));
        var second = CompletableFuture.supplyAsync(() -> sweep().extract().jsonPath().getInt("expired"));
        first.join();
        second.join();

        TopicReader reader = new TopicReader(bootstrapServers);
        for (UUID id : due) {
            assertThat(db.outboxRows(id, Topics.MENTOR_STATUS_CHANGED)).as("events of %s", id).isEqualTo(2);
            assertThat(db.one("SELECT count(*) AS n FROM status_audit WHERE mentor_id = $1 AND action = 'EXPIRE'",
                    id).getLong("n")).isEqualTo(1);
        }
        UUID last = due.get(due.size() - 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> db.unpublished(last) == 0);
        assertThat(reader.read(Topics.MENTOR_STATUS_CHANGED, last.toString())).hasSize(2);
    }

    @Test
    void sweepIsForAdminsAndTheSystemOnly() {
        as(TestTokens.coordinator("oslo")).post("/api/v1/admin/expiry-sweep").then().statusCode(403);
        as(TestTokens.ops()).post("/api/v1/admin/expiry-sweep").then().statusCode(403);
    }

    /** Time passes: the certification now ends on {@code lastValidDay}, and no event said so. */
    private void lapse(UUID id, LocalDate lastValidDay) {
        db.execute("UPDATE peer_mentor SET certification_valid_until = $1 WHERE id = $2", lastValidDay, id);
    }

    private static io.restassured.response.ValidatableResponse sweep() {
        return as(TestTokens.system()).post("/api/v1/admin/expiry-sweep").then().statusCode(200);
    }

    private static io.restassured.response.Response renew(UUID id, LocalDate until) {
        String chapter = status(id).jsonPath().getString("chapterId");
        return register(id, chapter, until);
    }
}
