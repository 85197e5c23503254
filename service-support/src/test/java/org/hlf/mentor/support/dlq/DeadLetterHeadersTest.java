package org.hlf.mentor.support.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue;
import org.junit.jupiter.api.Test;

/** Our names are SmallRye's wherever SmallRye has one: an upgrade that renames one fails here. */
class DeadLetterHeadersTest {

    @Test
    void smallRyesNamesWhereItHasThem() {
        assertThat(DeadLetterHeaders.REASON).isEqualTo(KafkaDeadLetterQueue.DEAD_LETTER_REASON);
        assertThat(DeadLetterHeaders.CAUSE).isEqualTo(KafkaDeadLetterQueue.DEAD_LETTER_CAUSE);
        assertThat(DeadLetterHeaders.EXCEPTION_CLASS_NAME)
                .isEqualTo(KafkaDeadLetterQueue.DEAD_LETTER_EXCEPTION_CLASS_NAME);
        assertThat(DeadLetterHeaders.CAUSE_CLASS_NAME).isEqualTo(KafkaDeadLetterQueue.DEAD_LETTER_CAUSE_CLASS_NAME);
        assertThat(DeadLetterHeaders.SOURCE_TOPIC).isEqualTo(KafkaDeadLetterQueue.DEAD_LETTER_TOPIC);
        assertThat(DeadLetterHeaders.SOURCE_PARTITION).isEqualTo(KafkaDeadLetterQueue.DEAD_LETTER_PARTITION);
        assertThat(DeadLetterHeaders.SOURCE_OFFSET).isEqualTo(KafkaDeadLetterQueue.DEAD_LETTER_OFFSET);
    }

    @Test
    void oursFollowTheSamePattern() {
        for (String name : new String[] {DeadLetterHeaders.ATTEMPTS, DeadLetterHeaders.FIRST_FAILURE,
            DeadLetterHeaders.FAILED_AT, DeadLetterHeaders.HTTP_STATUS}) {
            assertThat(name).matches("dead-letter-[a-z-]+");
        }
    }
}
