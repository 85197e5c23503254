package org.hlf.mentor.pause.certification;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hlf.mentor.events.CertificationEvent;
import org.hlf.mentor.pause.config.PauseConfig;
import org.hlf.mentor.pause.inbox.ConsumerRetry;
import org.hlf.mentor.pause.inbox.InboxProcessor;

/**
 * Consumes {@code certification-events} (key mentorId, so one mentor's events arrive in order); poison and unknown
 * mentors go to certification-events-dlq, other failures are retried ({@link InboxProcessor}).
 */
@ApplicationScoped
public class CertificationConsumer {

    private final InboxProcessor<CertificationEvent> processor;

    public CertificationConsumer(CertificationEventReader reader, CertificationHandler handler, PauseConfig config,
            CertificationDeadLetters deadLetters) {
        this.processor = new InboxProcessor<>("certification", reader::read, CertificationEvent::mentorId,
                handler::handle, new ConsumerRetry(config.certification().retry()), deadLetters::send);
    }

    @Incoming("certification-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return processor.process(record);
    }
}
