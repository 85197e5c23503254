package org.hlf.mentor.sync.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.sync.Events;
import org.hlf.mentor.sync.Ops;
import org.hlf.mentor.sync.Portal;
import org.hlf.mentor.sync.Reconciles;
import org.hlf.mentor.sync.RosterStub;
import org.hlf.mentor.sync.SyncDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every portal write, whatever started it, decides from the state at the moment of writing. Each test holds one
 * writer at the sandbox's gate (deterministically, no sleeps), lets a pause be applied meanwhile, releases the gate,
 * and checks that the paused mentor ends hidden and that the state says so. On the code before the one write path,
 * each of these ended with the paused mentor visible.
 */
@QuarkusTest
class WritePathRaceTest {

    private static final String BASE = "/api/v1/website-sync/";

    @Inject
    Pool pool;

    @AfterEach
    void openTheGate() {
        Portal.admin().clearFaults();
        Portal.admin().release();
    }

    @Test
    void reconciliationHeldAtItsPortalReadWhileAPauseIsAppliedLeavesThePausedMentorHidden() {
        String chapter = chapter();
        UUID mentor = activeAndShown(chapter);
        // edited by hand in the portal: the reconciler will find the active mentor hidden and want to show it
        Portal.seed(chapter, false, mentor);
        RosterStub.serve(chapter, List.of(new RosterStub.Mentor(mentor, MentorStatus.ACTIVE, 1)), 1000);
        Portal.admin().addFault("{\"hold\":true,\"count\":1,\"method\":\"GET\"}");

        CompletableFuture<Response> run = Ops.async(() -> Ops.ops().post(BASE + "reconcile?chapterId=" + chapter));
        awaitHeld();
        pause(mentor, chapter, 2);
        Portal.admin().release();
        Reconciles.awaitFinished(run);

        assertHiddenAndPaused(mentor, 2);
        assertThat(Portal.written(mentor)).as("no write after the pause's hide").endsWith(false);
        assertThat(Portal.written(mentor)).containsExactly(true, false);
    }

    @Test
    void restoreHeldAtThePortalWhileAPauseIsAppliedEndsHiddenAndIsRefused() {
        String chapter = chapter();
        UUID mentor = activeAndShown(chapter);
        Portal.admin().addFault("{\"hold\":true,\"count\":1,\"method\":\"PATCH\",\"mentorId\":\"" + mentor + "\"}");

        CompletableFuture<Response> restore = Ops.async(() -> Ops.ops().post(BASE + mentor + "/restore"));
        awaitHeld();
        pause(mentor, chapter, 2);
        Portal.admin().release();

        Response answer = restore.join();
        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.jsonPath().getString("currentStatus")).isEqualTo("PAUSED");
        assertHiddenAndPaused(mentor, 2);
        assertThat(Portal.written(mentor)).endsWith(true, false);
        assertThat(SyncDb.outcomes(pool, mentor)).contains("DISCARDED");
    }

    @Test
    void deadLetterReplayHeldAtThePortalWhileANewerPauseIsAppliedLeavesTheMentorHidden() {
        String chapter = chapter();
        UUID mentor = UUID.randomUUID();
        Portal.seed(chapter, false, mentor);
        Events.send(Events.event(mentor, chapter, MentorStatus.ACTIVE, MentorStatus.PAUSED, 1));
        SyncDb.awaitState(pool, mentor, "IN_SYNC");
        // the reinstatement fails for good and is dead-lettered
        Portal.admin().addFault("{\"status\":400,\"count\":1,\"mentorId\":\"" + mentor + "\"}");
        Events.send(Events.event(mentor, chapter, MentorStatus.PAUSED, MentorStatus.ACTIVE, 2));
        Events.reader().awaitAtLeast("website-sync-dlq", mentor.toString(), 1, SyncDb.WAIT);
        SyncDb.awaitState(pool, mentor, "FAILED");
        Portal.admin().addFault("{\"hold\":true,\"count\":1,\"method\":\"PATCH\",\"mentorId\":\"" + mentor + "\"}");

        CompletableFuture<Response> replay = Ops.async(() -> Ops.ops()
                .body("{\"mentorId\":\"" + mentor + "\"}").post(BASE + "dlq/replay"));
        awaitHeld();
        pause(mentor, chapter, 3);
        Portal.admin().release();

        assertThat(replay.join().statusCode()).isEqualTo(200);
        assertHiddenAndPaused(mentor, 3);
        assertThat(Portal.written(mentor)).endsWith(true, false);
    }

    @Test
    void aSecondWriteForTheSameMentorWaitsUntilTheFirstHasFinished() {
        String chapter = chapter();
        UUID mentor = activeAndShown(chapter);
        int before = Portal.writeCount(mentor);
        Portal.admin().addFault("{\"hold\":true,\"count\":1,\"method\":\"PATCH\",\"mentorId\":\"" + mentor + "\"}");

        CompletableFuture<Response> first = Ops.async(() -> Ops.ops().post(BASE + mentor + "/hide"));
        awaitHeld();
        CompletableFuture<Response> second = Ops.async(() -> Ops.ops().post(BASE + mentor + "/retry"));
        // the gate only holds one call: had the second write not waited for the first, it would be in the log
        await().during(Duration.ofMillis(1000)).atMost(Duration.ofMillis(2500))
                .until(() -> Portal.writeCount(mentor) == before && Portal.admin().held() == 1);
        Portal.admin().release();

        assertThat(first.join().statusCode()).isEqualTo(200);
        assertThat(second.join().statusCode()).isEqualTo(200);
        assertThat(Portal.written(mentor).subList(before, Portal.writeCount(mentor))).containsExactly(false, true);
        assertThat(Portal.visible(mentor)).isTrue();
    }

    @Test
    void anOpsCallThatCannotGetTheMentorsLockInTimeIsTold409AndWritesNothing() {
        String chapter = chapter();
        UUID mentor = activeAndShown(chapter);
        int before = Portal.writeCount(mentor);
        // another replica's write in progress: its transaction holds the mentor's lock
        SqlConnection other = pool.getConnection().await().atMost(SyncDb.WAIT);
        Response second;
        try {
            Transaction tx = other.begin().await().atMost(SyncDb.WAIT);
            other.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(VisibilityWrites.lockKey(mentor)))
                    .await().atMost(SyncDb.WAIT);
            second = Ops.ops().post(BASE + mentor + "/retry");
            tx.rollback().await().atMost(SyncDb.WAIT);
        } finally {
            other.close().await().atMost(SyncDb.WAIT);
        }

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.header("Retry-After")).isNotNull();
        assertThat(Portal.writeCount(mentor)).isEqualTo(before);
        assertThat(SyncDb.log(pool, mentor)).hasSize(1);
    }

    private UUID activeAndShown(String chapter) {
        UUID mentor = UUID.randomUUID();
        Portal.seed(chapter, true, mentor);
        Events.send(Events.event(mentor, chapter, MentorStatus.EXPIRED_CERT, MentorStatus.ACTIVE, 1));
        SyncDb.awaitState(pool, mentor, row -> "IN_SYNC".equals(row.getString("state"))
                && Boolean.TRUE.equals(row.getBoolean("portal_visible")));
        return mentor;
    }

    /** The pause event, waited for until its status is known (its write may still wait for the mentor's lock). */
    private void pause(UUID mentor, String chapter, long version) {
        Events.send(Events.event(mentor, chapter, MentorStatus.ACTIVE, MentorStatus.PAUSED, version));
        SyncDb.awaitState(pool, mentor, row -> row.getLong("last_event_version") == version);
    }

    private void assertHiddenAndPaused(UUID mentor, long version) {
        var state = SyncDb.awaitState(pool, mentor, row -> "IN_SYNC".equals(row.getString("state")));
        assertThat(state.getString("last_status")).isEqualTo("PAUSED");
        assertThat(state.getLong("last_event_version")).isEqualTo(version);
        assertThat(state.getBoolean("desired_visible")).isFalse();
        assertThat(state.getBoolean("portal_visible")).isFalse();
        assertThat(Portal.visible(mentor)).isFalse();
    }

    private static void awaitHeld() {
        await().atMost(SyncDb.WAIT).until(() -> Portal.admin().held() == 1);
    }

    private static String chapter() {
        return "race-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
