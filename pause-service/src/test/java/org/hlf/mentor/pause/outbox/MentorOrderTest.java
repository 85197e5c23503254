package org.hlf.mentor.pause.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hlf.mentor.pause.outbox.MentorOrder.Key;
import org.junit.jupiter.api.Test;

class MentorOrderTest {

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private static final String STATUS = "mentor-status-changed";
    private static final String NOTES = "coordinator-notifications";

    @Test
    void sendsRowsWhoseOlderRowsAreAllClaimedAsOneSequencePerMentorAndTopic() {
        List<PendingRow> claimed = List.of(row(1, A, STATUS), row(2, B, STATUS), row(3, A, NOTES), row(4, A, STATUS));
        var sequences = MentorOrder.sequences(claimed, Map.of(new Key(A, STATUS), List.of(1L, 4L),
                new Key(B, STATUS), List.of(2L), new Key(A, NOTES), List.of(3L)));
        assertThat(sequences).extracting(MentorOrderTest::ids)
                .containsExactly(List.of(1L, 4L), List.of(2L), List.of(3L));
    }

    @Test
    void holdsBackRowsBehindARowAnotherRelayHolds() {
        // row 3 of mentor A is claimed by another relay: row 5 must wait, B is unaffected
        List<PendingRow> claimed = List.of(row(2, B, STATUS), row(5, A, STATUS));
        var sequences = MentorOrder.sequences(claimed, Map.of(new Key(A, STATUS), List.of(3L, 5L),
                new Key(B, STATUS), List.of(2L)));
        assertThat(sequences).extracting(MentorOrderTest::ids).containsExactly(List.of(2L));
    }

    @Test
    void stopsAtTheFirstGap() {
        List<PendingRow> claimed = List.of(row(1, A, STATUS), row(6, A, STATUS));
        var sequences = MentorOrder.sequences(claimed, Map.of(new Key(A, STATUS), List.of(1L, 3L, 6L)));
        assertThat(sequences).extracting(MentorOrderTest::ids).containsExactly(List.of(1L));
    }

    @Test
    void aRowThatWaitsOnOneTopicHoldsBackOnlyThatTopic() {
        // row 1 (notifications) waits for its backoff, so it is not claimed: A's status rows go, row 4 waits
        List<PendingRow> claimed = List.of(row(2, A, STATUS), row(3, A, STATUS), row(4, A, NOTES));
        var sequences = MentorOrder.sequences(claimed, Map.of(new Key(A, NOTES), List.of(1L, 4L),
                new Key(A, STATUS), List.of(2L, 3L)));
        assertThat(sequences).extracting(MentorOrderTest::ids).containsExactly(List.of(2L, 3L));
    }

    private static List<Long> ids(List<PendingRow> sequence) {
        return sequence.stream().map(PendingRow::id).toList();
    }

    private static PendingRow row(long id, UUID mentor, String topic) {
        return new PendingRow(id, mentor, topic, "type", UUID.randomUUID(), "{}", OffsetDateTime.now(), 0);
    }
}
