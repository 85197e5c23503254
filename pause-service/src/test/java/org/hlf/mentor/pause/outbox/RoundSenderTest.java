package org.hlf.mentor.pause.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/** The sending rules of one round, against a broker stand-in that answers after a few milliseconds. */
class RoundSenderTest {

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private static final UUID C = UUID.randomUUID();
    private static final Duration ACK = Duration.ofMillis(20);

    private final FakeBroker broker = new FakeBroker();
    private final RoundSender sender = new RoundSender(broker);

    @Test
    void sendsAMentorsRowsOnATopicOneAfterAnotherEachAfterTheAckOfThePrevious() {
        var result = send(List.of(row(1, A, "t"), row(3, A, "t"), row(4, A, "t")), List.of(row(2, B, "t")));

        assertThat(ids(result.acknowledged())).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(result.failed()).isEmpty();
        assertThat(broker.events).containsSubsequence("send 1", "ack 1", "send 3", "ack 3", "send 4", "ack 4");
    }

    @Test
    void sendsTheSequencesOfAWrittenTopicInParallel() {
        send(List.of(row(1, C, "t")));
        broker.events.clear();

        send(List.of(row(2, A, "t"), row(4, A, "t")), List.of(row(3, B, "t")));

        // both sequences start before either first row is acknowledged
        assertThat(broker.events.subList(0, 2)).containsExactlyInAnyOrder("send 2", "send 3");
    }

    @Test
    void aFailedRowEndsItsSequenceAndNoOtherOne() {
        send(List.of(row(1, C, "t")));
        broker.failing.add(3L);

        var result = send(List.of(row(2, A, "t"), row(3, A, "t"), row(5, A, "t")),
                List.of(row(4, B, "t"), row(6, B, "t")));

        assertThat(ids(result.acknowledged())).containsExactlyInAnyOrder(2L, 4L, 6L);
        assertThat(result.failed()).extracting(f -> f.row().id()).containsExactly(3L);
        assertThat(broker.events).doesNotContain("send 5");
    }

    @Test
    void aTopicNotWrittenYetIsTriedWithOneRowAndItsOtherSequencesWaitWhenItFails() {
        broker.missingTopics.add("missing");

        var result = send(List.of(row(1, A, "missing"), row(4, A, "missing")), List.of(row(2, B, "missing")),
                List.of(row(3, C, "t")));

        assertThat(broker.events).filteredOn(e -> e.startsWith("send")).containsExactlyInAnyOrder("send 1", "send 3");
        assertThat(ids(result.acknowledged())).containsExactly(3L);
        assertThat(result.failed()).extracting(f -> f.row().id()).containsExactlyInAnyOrder(1L, 2L);
        assertThat(result.failed()).filteredOn(f -> f.row().id() == 2L).first()
                .satisfies(f -> assertThat(f.error()).startsWith("not sent").contains("row 1").contains("missing"));
    }

    @Test
    void aTopicIsTriedWithOneRowAgainAfterASendToItFailed() {
        send(List.of(row(1, C, "t")));
        broker.failing.add(2L);
        send(List.of(row(2, A, "t")));
        broker.events.clear();

        send(List.of(row(3, A, "t")), List.of(row(4, B, "t")));

        assertThat(broker.events).containsSubsequence("send 3", "ack 3", "send 4");
    }

    @Test
    void aRowNotAcknowledgedByTheDeadlineCountsAsFailedAndTheOthersAreKept() {
        send(List.of(row(1, C, "t")));
        broker.silent.add(2L);

        var result = sender.send(List.of(List.of(row(2, A, "t")), List.of(row(3, B, "t"))), Lane.REGULAR,
                Instant.now().plusMillis(300)).await().atMost(Duration.ofSeconds(5));

        assertThat(ids(result.acknowledged())).containsExactly(3L);
        assertThat(result.failed()).extracting(SendFailure::error)
                .singleElement().asString().contains("not acknowledged by the end of the relay round");
    }

    @SafeVarargs
    private RoundResult send(List<PendingRow>... sequences) {
        return sender.send(List.of(sequences), Lane.REGULAR, Instant.now().plusSeconds(5))
                .await().atMost(Duration.ofSeconds(5));
    }

    private static List<Long> ids(List<PendingRow> rows) {
        return rows.stream().map(PendingRow::id).toList();
    }

    private static PendingRow row(long id, UUID mentor, String topic) {
        return new PendingRow(id, mentor, topic, "type", UUID.randomUUID(), "{}", OffsetDateTime.now(), 0);
    }

    /** Acknowledges after a short delay, fails chosen rows and topics, never answers for "silent" rows. */
    private static final class FakeBroker implements RowPublisher {

        final List<String> events = new CopyOnWriteArrayList<>();
        final Set<Long> failing = ConcurrentHashMap.newKeySet();
        final Set<Long> silent = ConcurrentHashMap.newKeySet();
        final Set<String> missingTopics = ConcurrentHashMap.newKeySet();

        @Override
        public Uni<Void> publish(PendingRow row, Lane lane) {
            return Uni.createFrom().deferred(() -> {
                events.add("send " + row.id());
                if (silent.contains(row.id())) {
                    return Uni.createFrom().nothing();
                }
                Uni<Void> answer = missingTopics.contains(row.topic()) || failing.contains(row.id())
                        ? Uni.createFrom().failure(new TimeoutException(
                                "Topic " + row.topic() + " not present in metadata after 2000 ms."))
                        : Uni.createFrom().voidItem();
                return answer.onItem().delayIt().by(ACK).onFailure().call(
                        () -> Uni.createFrom().voidItem().onItem().delayIt().by(ACK))
                        .invoke(() -> events.add("ack " + row.id()));
            });
        }
    }
}
