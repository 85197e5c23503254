package org.hlf.mentor.sync.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hlf.mentor.events.Initiator;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.events.MentorStatusChanged;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.sync.Events;
import org.hlf.mentor.sync.ServiceReplica;
import org.hlf.mentor.testsupport.PostgresDatabaseResource;
import org.hlf.mentor.testsupport.SandboxAdmin;
import org.hlf.mentor.testsupport.SandboxRequest;
import org.hlf.mentor.testsupport.SandboxResource;
import org.hlf.mentor.testsupport.SeedContact;
import org.hlf.mentor.testsupport.SharedKafkaBroker;
import org.hlf.mentor.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged service, real processes on one database and one consumer group: a write for a
 * mentor on one replica holds the mentor's lock, so the other replica's write for the same mentor reaches the portal
 * only after the first one has finished, and the event the second replica consumes meanwhile is written last.
 */
class TwoReplicasIT {

    private static final String BASE = "/api/v1/website-sync/";

    private SandboxResource sandbox;
    private SandboxAdmin portal;
    private ServiceReplica first;
    private ServiceReplica second;

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (first != null) {
            first.kill();
        }
        if (second != null) {
            second.kill();
        }
        if (portal != null) {
            portal.clearFaults();
        }
        if (sandbox != null) {
            sandbox.stop();
        }
    }

    @Test
    void writesForOneMentorOnTwoReplicasNeverOverlap() throws Exception {
        sandbox = new SandboxResource();
        Map<String, String> portalConfig = sandbox.start();
        portal = new SandboxAdmin(portalConfig.get("hlf.sync.portal.base-url"));
        var database = new PostgresDatabaseResource();
        database.init(Map.of("database", "website_sync_replicas_it"));
        Map<String, String> db = database.start();
        String bootstrap = SharedKafkaBroker.bootstrapServers();
        first = ServiceReplica.start("replica-1", bootstrap, db, portalConfig);
        second = ServiceReplica.start("replica-2", bootstrap, db, portalConfig);

        UUID mentor = UUID.randomUUID();
        String chapter = "two-" + mentor.toString().substring(0, 8);
        portal.seed(SeedContact.visible(mentor, chapter, "Two Replicas"));
        send(mentor, chapter, MentorStatus.EXPIRED_CERT, MentorStatus.ACTIVE, 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> written(mentor).size() == 1);

        portal.addFault("{\"hold\":true,\"count\":1,\"method\":\"PATCH\",\"mentorId\":\"" + mentor + "\"}");
        CompletableFuture<HttpResponse<String>> hide = post(first, BASE + mentor + "/hide");
        await().atMost(Duration.ofSeconds(30)).until(() -> portal.held() == 1);
        // the other replica: an ops retry and the mentor's pause event, both for the held mentor
        CompletableFuture<HttpResponse<String>> retry = post(second, BASE + mentor + "/retry");
        send(mentor, chapter, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2);
        // the gate holds one call only: a write that did not wait for the lock would be in the log by now
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> written(mentor).size() == 1 && portal.held() == 1);
        Instant released = Instant.now();
        portal.release();

        assertThat(hide.get().statusCode()).isEqualTo(200);
        assertThat(retry.get().statusCode()).isIn(200, 409);
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.FALSE.equals(
                portal.contact(mentor).orElseThrow().visible()) && !written(mentor).isEmpty()
                && Boolean.FALSE.equals(written(mentor).get(written(mentor).size() - 1).visibility()));
        List<SandboxRequest> after = written(mentor).stream().filter(r -> !r.time().isBefore(released)).toList();
        assertThat(after).as("every write of the mentor came after the held one was released").isNotEmpty();
        assertThat(after.get(after.size() - 1).visibility()).as("the pause is written last").isFalse();
    }

    private static void send(UUID mentor, String chapter, MentorStatus from, MentorStatus to, long version) {
        var event = new MentorStatusChanged(UUID.randomUUID(), mentor, chapter, from, to, version, "test",
                new Initiator(Initiator.Type.COORDINATOR, "c-1"), Instant.now(), null);
        try (KafkaCompanion kafka = new KafkaCompanion(SharedKafkaBroker.bootstrapServers())) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.MENTOR_STATUS_CHANGED, mentor.toString(),
                    Events.json(event))).awaitCompletion();
        }
    }

    private List<SandboxRequest> written(UUID mentor) {
        return portal.requests(mentor).stream().filter(r -> "PATCH".equals(r.method()) && r.status() == 204).toList();
    }

    private static CompletableFuture<HttpResponse<String>> post(ServiceReplica replica, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(replica.url() + path))
                .header("Authorization", "Bearer " + TestTokens.ops())
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }
}
