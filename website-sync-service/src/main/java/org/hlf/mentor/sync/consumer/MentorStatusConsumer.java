package org.hlf.mentor.sync.consumer;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hlf.mentor.support.db.TransientDbFailures;
import org.hlf.mentor.sync.audit.Source;
import org.hlf.mentor.sync.config.SyncConfig;
import org.jboss.logging.Logger;

/**
 * Reads {@code mentor-status-changed} a poll at a time per consumer ({@code SYNC_CONSUMERS} per replica, each with
 * its own partitions), so bulk changes coalesce and go out as {@code $batch}, and
 * acknowledges the poll once every record is applied, skipped or dead-lettered: at-least-once. A poll that fails
 * because the database went away is done again (the claim and the write path make that safe), with backoff, for
 * at most {@code hlf.sync.consumer.retry-budget}; beyond that, or for any other failure, the channel stops and
 * the liveness check says so, so that the orchestrator restarts the service.
 */
@ApplicationScoped
public class MentorStatusConsumer {

    private static final Logger LOG = Logger.getLogger(MentorStatusConsumer.class);

    private final EventSync sync;
    private final SyncConfig.Consumer config;

    public MentorStatusConsumer(EventSync sync, SyncConfig config) {
        this.sync = sync;
        this.config = config.consumer();
    }

    @Incoming("mentor-status-changed")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<InboundRecord> inbound = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            inbound.add(new InboundRecord(record.topic(), record.partition(), record.offset(), record.key(),
                    record.value(), Instant.ofEpochMilli(record.timestamp())));
        }
        return Uni.createFrom().deferred(() -> sync.process(inbound, Source.EVENT))
                .onFailure(TransientDbFailures::transientFailure).invoke(failure -> LOG.warnf(
                        "poll of %d record(s) failed on the database, doing it again: %s", inbound.size(),
                        failure.getMessage()))
                .onFailure(TransientDbFailures::transientFailure).retry()
                .withBackOff(config.retryInitialDelay(), config.retryMaxDelay())
                .expireIn(config.retryBudget().toMillis())
                .replaceWithVoid();
    }
}
