package org.hlf.mentor.sync.dlq;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.support.dlq.DeadLetterHeaders;
import org.hlf.mentor.support.dlq.DeadLetterScan;
import org.hlf.mentor.support.dlq.HeaderValues;
import org.hlf.mentor.support.dlq.TopicIncarnation;
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

    /** Up to {@code limit} letters matching {@code filter} from {@code cursor} (null: the start) on. */
    public Uni<DeadLetterPage> read(DeadLetterFilter filter, int limit, DlqCursor cursor) {
        return Uni.createFrom().item(() -> readBlocking(filter, limit, cursor))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    public static DeadLetterView view(ConsumerRecord<String, String> record) {
        HeaderValues h = HeaderValues.of(record.headers());
        return new DeadLetterView(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                record.key(), h.text(DeadLetterHeaders.REASON), h.text(DeadLetterHeaders.CAUSE),
                h.text(DeadLetterHeaders.EXCEPTION_CLASS_NAME), h.integer(DeadLetterHeaders.ATTEMPTS),
                h.text(DeadLetterHeaders.FIRST_FAILURE), h.integer(DeadLetterHeaders.HTTP_STATUS),
                h.text(DeadLetterHeaders.SOURCE_TOPIC), h.integer(DeadLetterHeaders.SOURCE_PARTITION),
                h.longValue(DeadLetterHeaders.SOURCE_OFFSET), record.value());
    }

    /**
     * Reads partition after partition to its end offset as of now, so a page is a stable slice: letters taken in
     * (partition, offset) order up to the limit, the later matches only counted.
     */
    private DeadLetterPage readBlocking(DeadLetterFilter filter, int limit, DlqCursor cursor) {
        String topicId = TopicIncarnation.of(bootstrapServers, Topics.WEBSITE_SYNC_DLQ, config.dlq().readTimeout());
        List<ConsumerRecord<String, String>> taken = new ArrayList<>();
        int remaining = 0;
        Properties settings = DeadLetterScan.consumerProperties(bootstrapServers, "website-sync-dlq-reader");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
            Duration timeout = config.dlq().readTimeout();
            long deadline = System.nanoTime() + timeout.toNanos();
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.WEBSITE_SYNC_DLQ, timeout);
            List<Integer> partitions = infos == null ? List.of()
                    : infos.stream().map(PartitionInfo::partition).sorted().toList();
            for (int partition : partitions) {
                if (cursor != null && partition < cursor.partition()) {
                    continue;
                }
                TopicPartition tp = new TopicPartition(Topics.WEBSITE_SYNC_DLQ, partition);
                consumer.assign(List.of(tp));
                long end = consumer.endOffsets(List.of(tp), timeout).get(tp);
                consumer.seek(tp, start(consumer, tp, filter, cursor, end, timeout));
                while (consumer.position(tp) < end) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("could not read " + Topics.WEBSITE_SYNC_DLQ + " within "
                                + timeout);
                    }
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        if (record.offset() < end
                                && filter.matches(record.key(), Instant.ofEpochMilli(record.timestamp()))) {
                            if (taken.size() < limit) {
                                taken.add(record);
                            } else {
                                remaining++;
                            }
                        }
                    }
                }
            }
        }
        ConsumerRecord<String, String> last = taken.isEmpty() ? null : taken.get(taken.size() - 1);
        DlqCursor next = remaining == 0 || last == null ? null : new DlqCursor(last.partition(), last.offset() + 1);
        return new DeadLetterPage(topicId, taken, remaining, next);
    }

    private static long start(KafkaConsumer<String, String> consumer, TopicPartition tp, DeadLetterFilter filter,
            DlqCursor cursor, long end, Duration timeout) {
        if (cursor != null && cursor.partition() == tp.partition()) {
            return cursor.offset();
        }
        if (filter.from() == null) {
            return consumer.beginningOffsets(List.of(tp), timeout).get(tp);
        }
        OffsetAndTimestamp at = consumer.offsetsForTimes(Map.of(tp, filter.from().toEpochMilli()), timeout).get(tp);
        return at == null ? end : at.offset();
    }
}
