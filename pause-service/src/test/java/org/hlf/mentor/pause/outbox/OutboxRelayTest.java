package org.hlf.mentor.pause.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hlf.mentor.pause.PauseDb;
import org.hlf.mentor.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

/** The relay by hand: crashes between publish and mark, and two relays at once. */
@QuarkusTest
@TestProfile(ManualRelayProfile.class)
class OutboxRelayTest {

    @Inject
    OutboxRelay relay;

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void crashBetweenPublishAndMarkResendsTheRow() throws Throwable {
        String topic = "relay-crash-" + UUID.randomUUID();
        KafkaTopics.create(bootstrapServers, topic);
        UUID mentor = UUID.randomUUID();
        UUID eventId = add(topic, mentor, 1);

        assertThatThrownBy(() -> relay.relayOnce(rows -> Uni.createFrom().failure(new IllegalStateException("crash")))
                .await().atMost(Duration.ofSeconds(10))).hasMessageContaining("crash");
        assertThat(new PauseDb(pool).unpublished(mentor)).isEqualTo(1);
        assertThat(new TopicReader(bootstrapServers).read(topic, mentor.toString())).hasSize(1);

        relay.relayOnce().await().atMost(Duration.ofSeconds(10));

        assertThat(new PauseDb(pool).unpublished(mentor)).isZero();
        List<ConsumerRecord<String, String>> records = new TopicReader(bootstrapServers).read(topic, mentor.toString());
        assertThat(records).hasSize(2).allSatisfy(r -> assertThat(
                new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .isEqualTo(eventId.toString()));
    }

    @Test
    void twoRelaysPublishEachRowOnceAndKeepPerMentorOrder() throws Throwable {
        String topic = "relay-pair-" + UUID.randomUUID();
        KafkaTopics.create(bootstrapServers, topic);
        List<UUID> mentors = new ArrayList<>();
        for (int m = 0; m < 6; m++) {
            mentors.add(UUID.randomUUID());
        }
        // interleaved, like real traffic: mentor 0 seq 0, mentor 1 seq 0, ..., mentor 0 seq 1, ...
        for (int seq = 0; seq < 8; seq++) {
            for (UUID mentor : mentors) {
                add(topic, mentor, seq);
            }
        }

        int rounds = 0;
        while (unpublishedOn(topic) > 0) {
            var a = CompletableFuture.supplyAsync(() -> relay.relayOnce().await().atMost(Duration.ofSeconds(10)));
            var b = CompletableFuture.supplyAsync(() -> relay.relayOnce().await().atMost(Duration.ofSeconds(10)));
            a.join();
            b.join();
            // rows other test classes left unpublished are relayed along the way
            assertThat(++rounds).as("relay rounds").isLessThan(1000);
        }

        TopicReader reader = new TopicReader(bootstrapServers);
        for (UUID mentor : mentors) {
            List<ConsumerRecord<String, String>> records = reader.read(topic, mentor.toString());
            assertThat(records).extracting(ConsumerRecord::value)
                    .containsExactly("{\"seq\":0}", "{\"seq\":1}", "{\"seq\":2}", "{\"seq\":3}", "{\"seq\":4}",
                            "{\"seq\":5}", "{\"seq\":6}", "{\"seq\":7}");
        }
    }

    private long unpublishedOn(String topic) {
        return new PauseDb(pool).one("SELECT count(*) AS n FROM outbox WHERE topic = $1 AND published_at IS NULL",
                topic).getLong("n");
    }

    private UUID add(String topic, UUID mentor, int seq) throws Throwable {
        UUID eventId = UUID.randomUUID();
        new PauseDb(pool).insertOutboxRow(topic, mentor, "test.Seq", eventId, "{\"seq\":" + seq + "}");
        return eventId;
    }

}
