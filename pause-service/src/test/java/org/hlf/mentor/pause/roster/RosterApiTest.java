package org.hlf.mentor.pause.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hlf.mentor.pause.PauseApi.as;
import static org.hlf.mentor.pause.PauseApi.pause;
import static org.hlf.mentor.pause.PauseApi.register;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.events.MentorStatusChanged;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.pause.PauseDb;
import org.hlf.mentor.testsupport.TestTokens;
import org.hlf.mentor.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

/** The roster endpoints: registration, updates, bulk import, and the events they announce. */
@QuarkusTest
class RosterApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Oslo"));

    @Inject
    Pool pool;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void registersCertifiedMentorAsActiveAndAnnouncesIt() throws Exception {
        UUID id = UUID.randomUUID();
        register(id, "oslo", TODAY.plusMonths(6)).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/pause-management/" + id + "/status"))
                .body("status", equalTo("ACTIVE")).body("version", equalTo(1));
        var records = new TopicReader(bootstrapServers)
                .awaitAtLeast(Topics.MENTOR_STATUS_CHANGED, id.toString(), 1, Duration.ofSeconds(10));
        MentorStatusChanged event = mapper.readValue(records.get(0).value(), MentorStatusChanged.class);
        assertThat(event.previousStatus()).isNull();
        assertThat(event.newStatus()).isEqualTo(MentorStatus.ACTIVE);
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.certificationValidUntil()).isEqualTo(TODAY.plusMonths(6));
    }

    @Test
    void registersUncertifiedMentorAsExpired() {
        register(UUID.randomUUID(), "oslo", null).then().statusCode(201).body("status", equalTo("EXPIRED_CERT"));
        register(UUID.randomUUID(), "oslo", TODAY.minusDays(1)).then().statusCode(201)
                .body("status", equalTo("EXPIRED_CERT"));
    }

    @Test
    void sameEntryAgainChangesNothing() {
        UUID id = UUID.randomUUID();
        register(id, "oslo", TODAY.plusYears(1)).then().statusCode(201);
        PauseDb db = new PauseDb(pool);
        Map<String, Object> before = db.snapshot(id);
        register(id, "oslo", TODAY.plusYears(1)).then().statusCode(200).body("version", equalTo(1));
        assertThat(db.snapshot(id)).isEqualTo(before);
    }

    @Test
    void chapterChangeIsAnnouncedWithANewVersion() {
        UUID id = UUID.randomUUID();
        register(id, "oslo", TODAY.plusYears(1)).then().statusCode(201);
        register(id, "bergen", TODAY.plusYears(1)).then().statusCode(200)
                .body("chapterId", equalTo("bergen")).body("version", equalTo(2)).body("status", equalTo("ACTIVE"));
        assertThat(new PauseDb(pool).outboxRows(id, Topics.MENTOR_STATUS_CHANGED)).isEqualTo(2);
    }

    @Test
    void newCertificationDateAloneMovesTheVersionWithoutAnEvent() {
        UUID id = UUID.randomUUID();
        register(id, "oslo", TODAY.plusYears(1)).then().statusCode(201);
        register(id, "oslo", TODAY.plusYears(2)).then().statusCode(200).body("version", equalTo(2))
                .body("certificationValidUntil", equalTo(TODAY.plusYears(2).toString()));
        assertThat(new PauseDb(pool).outboxRows(id, Topics.MENTOR_STATUS_CHANGED)).isEqualTo(1);
    }

    @Test
    void lapsedDateExpiresAndValidDateRenewsThroughTheStateMachine() {
        UUID id = UUID.randomUUID();
        register(id, "oslo", TODAY.plusYears(1)).then().statusCode(201);
        pause(id).then().statusCode(200);
        register(id, "oslo", TODAY.minusDays(2)).then().statusCode(200).body("status", equalTo("EXPIRED_CERT"));
        // renewed while the pause is still open: back to PAUSED, never visible
        register(id, "oslo", TODAY.plusYears(1)).then().statusCode(200).body("status", equalTo("PAUSED"));
    }

    @Test
    void importsInBulkAndCountsWhatChanged() {
        List<Map<String, String>> entries = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            entries.add(Map.of("mentorId", UUID.randomUUID().toString(), "chapterId", "chapter-" + (i % 7),
                    "certificationValidUntil", TODAY.plusDays(10 + i).toString()));
        }
        as(TestTokens.system()).body(entries).post("/api/v1/mentors/import").then().statusCode(200)
                .body("received", equalTo(600)).body("created", equalTo(600)).body("updated", equalTo(0));
        entries.set(0, Map.of("mentorId", entries.get(0).get("mentorId"), "chapterId", "moved"));
        as(TestTokens.system()).body(entries).post("/api/v1/mentors/import").then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(1)).body("unchanged", equalTo(599));
        UUID first = UUID.fromString(entries.get(0).get("mentorId"));
        as(TestTokens.admin()).get("/api/v1/pause-management/" + first + "/status").then().statusCode(200)
                .body("chapterId", equalTo("moved")).body("status", equalTo("EXPIRED_CERT"));
    }

    @Test
    void importOfMoreThanTenThousandIsRefused() {
        List<Map<String, String>> entries = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            entries.add(Map.of("mentorId", UUID.randomUUID().toString(), "chapterId", "x"));
        }
        as(TestTokens.system()).body(entries).post("/api/v1/mentors/import").then().statusCode(400)
                .contentType("application/problem+json");
        assertThat(new PauseDb(pool).count("peer_mentor", UUID.fromString(entries.get(0).get("mentorId"))))
                .isZero();
    }
}
