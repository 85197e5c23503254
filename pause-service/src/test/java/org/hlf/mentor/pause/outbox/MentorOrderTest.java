package org.hlf.mentor.pause.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MentorOrderTest {

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();

    @Test
    void publishesRowsWhoseOlderRowsAreAllClaimed() {
        List<PendingRow> claimed = List.of(row(1, A), row(2, B), row(4, A));
        var publishable = MentorOrder.publishable(claimed, Map.of(A, List.of(1L, 4L), B, List.of(2L)));
        assertThat(publishable).extracting(PendingRow::id).containsExactly(1L, 2L, 4L);
    }

    @Test
    void holdsBackRowsBehindARowAnotherRelayHolds() {
        // row 3 of mentor A is claimed by another relay: row 5 must wait, B is unaffected
        List<PendingRow> claimed = List.of(row(2, B), row(5, A));
        var publishable = MentorOrder.publishable(claimed, Map.of(A, List.of(3L, 5L), B, List.of(2L)));
        assertThat(publishable).extracting(PendingRow::id).containsExactly(2L);
    }

    @Test
    void stopsAtTheFirstGap() {
        List<PendingRow> claimed = List.of(row(1, A), row(6, A));
        var publishable = MentorOrder.publishable(claimed, Map.of(A, List.of(1L, 3L, 6L)));
        assertThat(publishable).extracting(PendingRow::id).containsExactly(1L);
    }

    private static PendingRow row(long id, UUID mentor) {
        return new PendingRow(id, mentor, "t", "type", UUID.randomUUID(), "{}", OffsetDateTime.now());
    }
}
