package org.hlf.mentor.pause.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hlf.mentor.pause.PauseApi.registerCertified;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.pause.PauseApi;
import org.hlf.mentor.pause.PauseDb;
import org.hlf.mentor.testsupport.TestTokens;
import org.hlf.mentor.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

/** Concurrent conflicting requests: one wins, nothing is half-written, exactly one event. */
@QuarkusTest
class ConcurrentTransitionsTest {

    private static final int REQUESTS = 50;

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void fiftyConcurrentPausesHaveExactlyOneWinner() throws Exception {
        UUID id = registerCertified("oslo");
        String token = TestTokens.coordinator("oslo");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool50 = Executors.newFixedThreadPool(REQUESTS);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < REQUESTS; i++) {
                String reason = "reason " + i;
                answers.add(CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(start);
                    return PauseApi.pause(token, id, reason).statusCode();
                }, pool50));
            }
            start.countDown();
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool50.shutdownNow();
        }

        Map<Integer, Long> byStatus = answers.stream().map(CompletableFuture::join)
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertThat(byStatus).isEqualTo(Map.of(200, 1L, 409, (long) REQUESTS - 1));

        PauseDb db = new PauseDb(pool);
        assertThat(db.one("SELECT status, version FROM peer_mentor WHERE id = $1", id).toJson().getMap())
                .containsEntry("status", "PAUSED").containsEntry("version", 2L);
        assertThat(db.count("pause_period", id)).isEqualTo(1);
        assertThat(db.one("SELECT count(*) AS n FROM status_audit WHERE mentor_id = $1 AND action = 'PAUSE'", id)
                .getLong("n")).isEqualTo(1);
        // registration + the one pause
        assertThat(db.outboxRows(id, Topics.MENTOR_STATUS_CHANGED)).isEqualTo(2);
        assertThat(db.outboxRows(id, Topics.COORDINATOR_NOTIFICATIONS)).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> db.unpublished(id) == 0);
        var records = new TopicReader(bootstrapServers).read(Topics.MENTOR_STATUS_CHANGED, id.toString());
        assertThat(records).hasSize(2);
        assertThat(records.get(1).value()).contains("\"newStatus\":\"PAUSED\"").contains("\"version\":2");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
