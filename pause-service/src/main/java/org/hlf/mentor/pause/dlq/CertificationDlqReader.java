package org.hlf.mentor.pause.dlq;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.pause.config.PauseConfig;
import org.hlf.mentor.support.dlq.DeadLetterScan;
import org.hlf.mentor.support.dlq.TopicIncarnation;

/**
 * Reads certification-events-dlq without a consumer group (assign and seek), from the start, the time range's first
 * letter or just after a cursor, to the end the topic has when the read begins: listing and replay never move anyone's
 * offsets and always end. Kafka's clients block, so this runs on a worker thread and answers on the caller's Vert.x
 * context, where the database work that follows must run.
 */
@ApplicationScoped
public class CertificationDlqReader {

    private final String bootstrapServers;
    private final Duration timeout;
    private final Vertx vertx;

    public CertificationDlqReader(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            PauseConfig config, Vertx vertx) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = config.certification().dlq().readTimeout();
        this.vertx = vertx;
    }

    /** @param after only letters after this position (null: from the start) */
    public Uni<DeadLetters> read(DeadLetterFilter filter, LetterPosition after) {
        return vertx.executeBlocking(() -> readBlocking(filter, after), false);
    }

    private DeadLetters readBlocking(DeadLetterFilter filter, LetterPosition after) throws InterruptedException {
        String topicId = TopicIncarnation.of(bootstrapServers, Topics.CERTIFICATION_EVENTS_DLQ, timeout);
        if (topicId == null) {
            return DeadLetters.none();
        }
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        Properties settings = DeadLetterScan.consumerProperties(bootstrapServers, "pause-service-dlq-reader");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CERTIFICATION_EVENTS_DLQ, timeout).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            seek(consumer, partitions, filter.from(), after);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!DeadLetterScan.reachedEnd(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + Topics.CERTIFICATION_EVENTS_DLQ + " within "
                            + timeout);
                }
                for (ConsumerRecord<String, String> letter : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(letter.topic(), letter.partition());
                    boolean inSnapshot = letter.offset() < end.get(tp);
                    boolean afterCursor = after == null || DeadLetters.position(letter).compareTo(after) > 0;
                    if (inSnapshot && afterCursor
                            && filter.matches(letter.key(), Instant.ofEpochMilli(letter.timestamp()))) {
                        found.add(letter);
                    }
                }
            }
        }
        found.sort((a, b) -> DeadLetters.position(a).compareTo(DeadLetters.position(b)));
        return new DeadLetters(topicId, found);
    }

    /**
     * Each partition from the latest of: its start, its first letter at or after {@code from}, just after the cursor;
     * a partition before the cursor's from its end (nothing to read).
     */
    private void seek(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions, Instant from,
            LetterPosition after) {
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        Map<TopicPartition, OffsetAndTimestamp> atTime = Map.of();
        if (from != null) {
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(tp -> query.put(tp, from.toEpochMilli()));
            atTime = consumer.offsetsForTimes(query, timeout);
        }
        for (TopicPartition tp : partitions) {
            long offset = begin.get(tp);
            if (from != null) {
                OffsetAndTimestamp at = atTime.get(tp);
                offset = Math.max(offset, at == null ? end.get(tp) : at.offset());
            }
            if (after != null && tp.partition() < after.partition()) {
                offset = end.get(tp);
            } else if (after != null && tp.partition() == after.partition()) {
                offset = Math.max(offset, Math.min(after.offset() + 1, end.get(tp)));
            }
            consumer.seek(tp, offset);
        }
    }
}
