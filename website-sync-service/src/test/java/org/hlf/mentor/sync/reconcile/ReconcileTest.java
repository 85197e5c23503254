package org.hlf.mentor.sync.reconcile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.sync.Ops;
import org.hlf.mentor.sync.Portal;
import org.hlf.mentor.sync.Reconciles;
import org.hlf.mentor.sync.RosterStub;
import org.hlf.mentor.sync.SyncDb;
import org.hlf.mentor.testsupport.SandboxRequest;
import org.hlf.mentor.testsupport.SeedContact;
import org.hlf.mentor.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation as a job against the sandbox portal (a real process) and a stub of pause-service's roster: paged
 * portal reads, three-way comparison, repairs through the one write path, one run at a time, the API around it.
 * Each test works in a chapter of its own, so counts are exact whatever else the sandbox holds.
 */
@QuarkusTest
class ReconcileTest {

    private static final String BASE = "/api/v1/website-sync/reconcile";

    @Inject
    Pool pool;

    @AfterEach
    void openTheGate() {
        Portal.admin().clearFaults();
        Portal.admin().release();
    }

    @Test
    void readsTwentyThousandContactsInFewPagesFindsTheSeededDriftExactlyAndRepairsItWithBatch() {
        String chapter = chapter();
        List<RosterStub.Mentor> roster = new ArrayList<>();
        List<SeedContact> portal = new ArrayList<>();
        List<UUID> pausedButShown = new ArrayList<>();
        List<UUID> activeButHidden = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            UUID id = UUID.randomUUID();
            boolean active = i % 10 != 0;
            roster.add(new RosterStub.Mentor(id, active ? MentorStatus.ACTIVE : MentorStatus.PAUSED, 3));
            boolean shown = active;
            if (i < 1500 && !active) {
                shown = true;
                pausedButShown.add(id);
            } else if (i >= 1500 && i < 1600 && active) {
                shown = false;
                activeButHidden.add(id);
            }
            if (i < 19_950) {
                portal.add(new SeedContact(id, chapter, "Mentor " + i, shown));
            }
        }
        for (int i = 0; i < 30; i++) {
            portal.add(new SeedContact(UUID.randomUUID(), chapter, "Stranger " + i, true));
        }
        Portal.admin().seed(portal);
        RosterStub.serve(chapter, roster, 1000);
        Instant start = Instant.now();

        JsonPath run = Reconciles.run(chapter);

        assertThat(pausedButShown).hasSize(150);
        assertThat(activeButHidden).hasSize(90);
        assertThat(run.getString("state")).isEqualTo("DONE");
        assertThat(run.getInt("checked")).isEqualTo(20_000);
        assertThat(run.getInt("drifted")).isEqualTo(240);
        assertThat(run.getInt("repaired")).isEqualTo(240);
        assertThat(run.getInt("missingInPortal")).isEqualTo(50);
        assertThat(run.getInt("unknownToPauseService")).isEqualTo(30);
        assertThat(run.getInt("inSync")).isEqualTo(20_000 - 240 - 50);
        assertThat(run.getInt("failed")).isZero();
        List<SandboxRequest> calls = Portal.admin().requests().stream()
                .filter(r -> !r.time().isBefore(start) && r.mentorId() == null).toList();
        assertThat(calls.stream().filter(r -> r.method().equals("GET"))).as("collection pages").hasSizeLessThanOrEqualTo(5);
        assertThat(calls.stream().filter(r -> r.path().endsWith("$batch"))).as("repairs in one $batch").hasSize(1);
        pausedButShown.forEach(id -> assertThat(Portal.visible(id)).isFalse());
        activeButHidden.forEach(id -> assertThat(Portal.visible(id)).isTrue());
        assertThat(SyncDb.state(pool, pausedButShown.get(0)).orElseThrow().getString("state")).isEqualTo("IN_SYNC");
    }

    @Test
    void aMentorWhoseEventsNeverArrivedIsLearnedFromTheRosterAndHidden() {
        String chapter = chapter();
        UUID mentor = UUID.randomUUID();
        Portal.seed(chapter, true, mentor);
        RosterStub.serve(chapter, List.of(new RosterStub.Mentor(mentor, MentorStatus.PAUSED, 4)), 1000);
        assertThat(SyncDb.state(pool, mentor)).isEmpty();
        double repairedBefore = metric("website_sync_reconcile_repaired_total");
        double doneBefore = metric("website_sync_reconcile_runs_total{state=\"DONE\"}");

        JsonPath run = Reconciles.run(chapter);

        await().atMost(SyncDb.WAIT).until(() -> metric("website_sync_reconcile_runs_total{state=\"DONE\"}")
                == doneBefore + 1);
        assertThat(metric("website_sync_reconcile_repaired_total")).isEqualTo(repairedBefore + 1);
        assertThat(metric("website_sync_reconcile_last_drifted")).isEqualTo(1);
        assertThat(run.getInt("drifted")).isEqualTo(1);
        assertThat(run.getInt("repaired")).isEqualTo(1);
        assertThat(Portal.visible(mentor)).isFalse();
        var state = SyncDb.state(pool, mentor).orElseThrow();
        assertThat(state.getString("last_status")).isEqualTo("PAUSED");
        assertThat(state.getLong("last_event_version")).isEqualTo(4L);
        assertThat(state.getString("status_source")).isEqualTo("RECONCILE");
        assertThat(state.getString("state")).isEqualTo("IN_SYNC");
        assertThat(SyncDb.log(pool, mentor)).singleElement().satisfies(row -> {
            assertThat(row.getString("source")).isEqualTo("RECONCILE");
            assertThat(row.getString("action")).isEqualTo("HIDE");
            assertThat(row.getString("outcome")).isEqualTo("APPLIED");
            assertThat(row.getString("actor")).isEqualTo("reconcile:" + run.getString("runId"));
        });
    }

    @Test
    void aRosterOlderThanTheLastAppliedEventChangesNothing() {
        String chapter = chapter();
        UUID mentor = UUID.randomUUID();
        Portal.seed(chapter, false, mentor);
        org.hlf.mentor.sync.Events.send(org.hlf.mentor.sync.Events.event(mentor, chapter, MentorStatus.ACTIVE,
                MentorStatus.PAUSED, 5));
        SyncDb.awaitState(pool, mentor, "IN_SYNC");
        int writes = Portal.writeCount(mentor);
        RosterStub.serve(chapter, List.of(new RosterStub.Mentor(mentor, MentorStatus.ACTIVE, 4)), 1000);

        JsonPath run = Reconciles.run(chapter);

        assertThat(run.getInt("inSync")).isEqualTo(1);
        assertThat(run.getInt("drifted")).isZero();
        assertThat(Portal.writeCount(mentor)).isEqualTo(writes);
        assertThat(Portal.visible(mentor)).isFalse();
        assertThat(SyncDb.state(pool, mentor).orElseThrow().getLong("last_event_version")).isEqualTo(5L);
    }

    @Test
    void onlyOneRunAtATimeASecondStartIsToldWhichOneRuns() {
        String chapter = chapter();
        RosterStub.serve(chapter, List.of(), 1000);
        Portal.admin().addFault("{\"hold\":true,\"count\":1,\"method\":\"GET\"}");
        Response first = Ops.ops().post(BASE + "?chapterId=" + chapter);
        assertThat(first.statusCode()).isEqualTo(202);
        String location = first.header("Location");
        assertThat(location).endsWith(BASE + "/" + first.jsonPath().getString("runId"));
        assertThat(first.jsonPath().getString("state")).isEqualTo("RUNNING");
        await().atMost(SyncDb.WAIT).until(() -> Portal.admin().held() == 1);

        Response second = Ops.ops().post(BASE);

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.jsonPath().getString("runId")).isEqualTo(first.jsonPath().getString("runId"));
        assertThat(second.header("Location")).isEqualTo(location);
        Portal.admin().release();
        assertThat(Reconciles.awaitEnd(location).getString("state")).isEqualTo("DONE");
    }

    @Test
    void aRunThatCannotReadTheRosterEndsFailedAndSaysWhy() {
        String chapter = chapter();
        RosterStub.wireMock().register(com.github.tomakehurst.wiremock.client.WireMock
                .get(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v1/mentors"))
                .withQueryParam("chapterId", com.github.tomakehurst.wiremock.client.WireMock.equalTo(chapter))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(403)));

        JsonPath run = Reconciles.run(chapter);

        assertThat(run.getString("state")).isEqualTo("FAILED");
        assertThat(run.getString("error")).contains("403");
        assertThat(RosterStub.reads(chapter)).isEqualTo(1);
    }

    @Test
    void runsAreForOpsAndBadInputIsA400ThatStartsNothing() {
        int before = Ops.ops().get(BASE + "?limit=100").jsonPath().getList("$").size();
        Ops.ops().post(BASE + "?chapterId=Not_A_Slug").then().statusCode(400)
                .contentType("application/problem+json");
        Ops.ops().get(BASE + "/not-a-uuid").then().statusCode(400).contentType("application/problem+json");
        Ops.ops().get(BASE + "/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        Ops.ops().get(BASE + "?limit=0").then().statusCode(400);
        for (String token : new String[] {TestTokens.admin(), TestTokens.system(), TestTokens.coordinator("oslo")}) {
            Ops.as(token).post(BASE).then().statusCode(403).contentType("application/problem+json");
        }
        given().post(BASE).then().statusCode(401).contentType("application/problem+json");
        Ops.ops().get(BASE + "?limit=100").then().statusCode(200)
                .body("size()", equalTo(Math.min(100, before)));
    }

    /** A sample's value on /q/metrics (0 while the series does not exist). */
    private static double metric(String series) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(series + " ") || line.startsWith(series.replace("}", ",") ))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    private static String chapter() {
        return "rec-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
