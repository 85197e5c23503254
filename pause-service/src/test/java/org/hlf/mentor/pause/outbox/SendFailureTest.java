package org.hlf.mentor.pause.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class SendFailureTest {

    private static final PendingRow ROW = new PendingRow(7, UUID.randomUUID(), "t", "type", UUID.randomUUID(), "{}",
            OffsetDateTime.now(), 3);

    @Test
    void keepsTheProducersErrorWhenTheConnectorsRetriesWrapIt() {
        var exhausted = new IllegalStateException("Retries exhausted : 1 attempts against 1795977549184 expiration");
        exhausted.addSuppressed(new TimeoutException("Topic t not present in metadata after 2000 ms."));

        assertThat(SendFailure.of(ROW, exhausted).error()).isEqualTo(
                "org.apache.kafka.common.errors.TimeoutException: Topic t not present in metadata after 2000 ms.");
    }

    @Test
    void keepsAnyOtherFailureAsItIs() {
        assertThat(SendFailure.of(ROW, new IllegalStateException("boom")).error())
                .isEqualTo("java.lang.IllegalStateException: boom");
    }

    @Test
    void countsThisFailureAsTheRowsNextAttempt() {
        assertThat(SendFailure.of(ROW, new IllegalStateException("boom")).attempts()).isEqualTo(4);
    }
}
