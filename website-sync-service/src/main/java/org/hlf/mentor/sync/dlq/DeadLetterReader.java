package org.hlf.mentor.sync.dlq;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.sync.config.SyncConfig;

/**
 * Reads {@code website-sync-dlq} from the start (or from the first record of the time range) to its current end,
 * without a consumer group: listing and replay never move anyone's offsets. Kafka's consumer blocks, so this runs
 * on a worker thread.
 */
@ApplicationScoped
public class DeadLetterReader {

    private final String bootstrapServers;
    private final SyncConfig config;

    public DeadLetterReader(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            SyncConfig config) {
        this.bootstrapServers = bootstrapServers;
        this.config = config;
    }

    public Uni<List<ConsumerRecord<String, String>>> read(DeadLetterFilter filter, int limit) {
        return Uni.createFrom().item(() -> readBlocking(filter, limit))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    public static DeadLetterView view(ConsumerRecord<String, String> record) {
        Map<String, String> h = headers(record);
        return new DeadLetterView(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                record.key(), h.get(DeadLetterHeaders.REASON), h.get(DeadLetterHeaders.CAUSE),
                h.get(DeadLetterHeaders.EXCEPTION_CLASS), integer(h.get(DeadLetterHeaders.ATTEMPTS)),
                h.get(DeadLetterHeaders.FIRST_FAILURE), integer(h.get(DeadLetterHeaders.HTTP_STATUS)),
                h.get(DeadLetterHeaders.SOURCE_TOPIC), integer(h.get(DeadLetterHeaders.SOURCE_PARTITION)),
                longValue(h.get(DeadLetterHeaders.SOURCE_OFFSET)), record.value());
    }

    public static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private List<ConsumerRecord<String, String>> readBlocking(DeadLetterFilter filter, int limit) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties())) {
            Duration timeout = config.dlq().readTimeout();
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.WEBSITE_SYNC_DLQ, timeout);
            if (infos == null || infos.isEmpty()) {
                return found;
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            seekToStart(consumer, partitions, filter.from(), timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reachedEnd(consumer, end) && found.size() < limit) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + Topics.WEBSITE_SYNC_DLQ + " within " + timeout);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < end.get(tp) && found.size() < limit
                            && filter.matches(record.key(), Instant.ofEpochMilli(record.timestamp()))) {
                        found.add(record);
                    }
                }
            }
        }
        found.sort((a, b) -> a.timestamp() != b.timestamp() ? Long.compare(a.timestamp(), b.timestamp())
                : Long.compare(a.offset(), b.offset()));
        return found;
    }

    private static void seekToStart(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions,
            Instant from, Duration timeout) {
        if (from == null) {
            consumer.seekToBeginning(partitions);
            return;
        }
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(tp -> query.put(tp, from.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(query, timeout);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
        for (TopicPartition tp : partitions) {
            OffsetAndTimestamp at = offsets.get(tp);
            consumer.seek(tp, at == null ? ends.get(tp) : at.offset());
        }
    }

    private static boolean reachedEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "website-sync-dlq-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        return props;
    }

    private static Integer integer(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long longValue(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
