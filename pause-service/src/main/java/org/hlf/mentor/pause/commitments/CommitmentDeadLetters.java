package org.hlf.mentor.pause.commitments;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.pause.inbox.DeadLetterSender;

/**
 * Parks a mentor-commitments record that will never apply on mentor-commitments-dlq. Only poison lands there
 * (unreadable, incomplete): the owning feature fixes and re-publishes it (docs/runbook.md).
 */
@Startup // its counter exists (at 0) from the start, so the first dead letter is an increase
@ApplicationScoped
public class CommitmentDeadLetters {

    private final DeadLetterSender sender;

    public CommitmentDeadLetters(@Channel("commitments-dlq") MutinyEmitter<String> emitter, MeterRegistry registry) {
        // hlf_commitment_dead_letters_total
        this.sender = new DeadLetterSender(emitter, Topics.MENTOR_COMMITMENTS_DLQ,
                Counter.builder("hlf.commitment.dead.letters")
                        .description("Records parked on mentor-commitments-dlq").register(registry));
    }

    /** Completes when the broker has the dead letter; the original offset may be committed only then. */
    public Uni<Void> send(ConsumerRecord<String, String> record, String reason, Throwable failure) {
        return sender.send(record, reason, failure);
    }
}
