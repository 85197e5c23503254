package org.hlf.mentor.pause.certification;

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
 * Parks a certification record that will never apply on certification-events-dlq; ops list and replay them through
 * {@code /api/v1/admin/certification-dlq}.
 */
@Startup // its counter exists (at 0) from the start, so the first dead letter is an increase
@ApplicationScoped
public class CertificationDeadLetters {

    private final DeadLetterSender sender;

    public CertificationDeadLetters(@Channel("certification-dlq") MutinyEmitter<String> emitter,
            MeterRegistry registry) {
        // hlf_certification_dead_letters_total
        this.sender = new DeadLetterSender(emitter, Topics.CERTIFICATION_EVENTS_DLQ,
                Counter.builder("hlf.certification.dead.letters")
                        .description("Records parked on certification-events-dlq").register(registry));
    }

    /** Completes when the broker has the dead letter; the original offset may be committed only then. */
    public Uni<Void> send(ConsumerRecord<String, String> record, String reason, Throwable failure) {
        return sender.send(record, reason, failure);
    }
}
