package org.hlf.mentor.pause.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SendFailureReportTest {

    @Test
    void logsAFailingRowOnAttemptsThatArePowersOfTwo() {
        assertThat(IntStream.rangeClosed(1, 40).filter(SendFailureReport::worthLogging).boxed())
                .containsExactly(1, 2, 4, 8, 16, 32);
    }
}
