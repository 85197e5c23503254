package org.hlf.mentor.pause.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlf.mentor.pause.PauseApi.BASE;
import static org.hlf.mentor.pause.PauseApi.as;
import static org.hlf.mentor.pause.PauseApi.expire;
import static org.hlf.mentor.pause.PauseApi.lift;
import static org.hlf.mentor.pause.PauseApi.pause;
import static org.hlf.mentor.pause.PauseApi.registerCertified;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hlf.mentor.events.CoordinatorNotification;
import org.hlf.mentor.events.CoordinatorNotification.Kind;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.pause.PauseDb;
import org.hlf.mentor.testsupport.TestTokens;
import org.hlf.mentor.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

/** Coordinators hear of every transition of their chapter, and once of a return date that has come. */
@QuarkusTest
class CoordinatorNotificationsTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Oslo"));

    @Inject
    Pool pool;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void oneNotificationPerTransitionAddressedToTheChapter() {
        UUID id = registerCertified("trondheim");
        pause(id).then().statusCode(200);
        lift(id).then().statusCode(200);
        expire(id).then().statusCode(200);

        List<CoordinatorNotification> notes = notifications(id, 3);
        assertThat(notes).extracting(CoordinatorNotification::kind)
                .containsExactly(Kind.PAUSED, Kind.PAUSE_LIFTED, Kind.CERTIFICATION_EXPIRED);
        assertThat(notes).allSatisfy(n -> {
            assertThat(n.chapterId()).isEqualTo("trondheim");
            assertThat(n.mentorId()).isEqualTo(id);
        });
        assertThat(notes.get(0).reason()).isEqualTo("holiday");
    }

    @Test
    void returnDateReminderIsSentOnce() {
        UUID id = registerCertified("oslo");
        as(TestTokens.admin()).body(Map.of("reason", "holiday", "expectedReturnDate", TODAY.plusDays(5).toString()))
                .post(BASE + id + "/activate").then().statusCode(200);
        // five days later
        new PauseDb(pool).execute("UPDATE pause_period SET expected_return_date = $1 WHERE mentor_id = $2", TODAY,
                id);

        as(TestTokens.system()).post("/api/v1/admin/return-reminders").then().statusCode(200);
        as(TestTokens.system()).post("/api/v1/admin/return-reminders").then().statusCode(200);

        List<CoordinatorNotification> notes = notifications(id, 2);
        assertThat(notes).extracting(CoordinatorNotification::kind).containsExactly(Kind.PAUSED,
                Kind.RETURN_DATE_REMINDER);
        assertThat(notes.get(1).expectedReturnDate()).isEqualTo(TODAY);
        assertThat(new PauseDb(pool).outboxRows(id, Topics.COORDINATOR_NOTIFICATIONS)).isEqualTo(2);
        // the service reminds, it never lifts
        PauseDbStatus.assertStatus(pool, id, "PAUSED");
    }

    private List<CoordinatorNotification> notifications(UUID id, int count) {
        PauseDb db = new PauseDb(pool);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> db.unpublished(id) == 0);
        return new TopicReader(bootstrapServers)
                .awaitAtLeast(Topics.COORDINATOR_NOTIFICATIONS, id.toString(), count, Duration.ofSeconds(10))
                .stream().map(r -> {
                    try {
                        return mapper.readValue(r.value(), CoordinatorNotification.class);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }).toList();
    }

    private static final class PauseDbStatus {
        static void assertStatus(Pool pool, UUID id, String status) {
            assertThat(new PauseDb(pool).one("SELECT status FROM peer_mentor WHERE id = $1", id).getString("status"))
                    .isEqualTo(status);
        }
    }
}
