package org.hlf.mentor.support.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class HeaderValuesTest {

    @Test
    void theLastValueOfANameWinsAndNumbersAreReadLeniently() {
        RecordHeaders headers = new RecordHeaders();
        add(headers, DeadLetterHeaders.REASON, "from the original record");
        add(headers, DeadLetterHeaders.REASON, "poison");
        add(headers, DeadLetterHeaders.SOURCE_PARTITION, "3");
        add(headers, DeadLetterHeaders.SOURCE_OFFSET, "12345678901");
        add(headers, DeadLetterHeaders.ATTEMPTS, "many");
        headers.add(DeadLetterHeaders.CAUSE, null);

        HeaderValues values = HeaderValues.of(headers);
        assertThat(values.text(DeadLetterHeaders.REASON)).isEqualTo("poison");
        assertThat(values.integer(DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo(3);
        assertThat(values.longValue(DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo(12345678901L);
        assertThat(values.integer(DeadLetterHeaders.ATTEMPTS)).isNull();
        assertThat(values.text(DeadLetterHeaders.CAUSE)).isNull();
        assertThat(values.text(DeadLetterHeaders.HTTP_STATUS)).isNull();
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
