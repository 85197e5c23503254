package org.hlf.mentor.pause.commitments;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hlf.mentor.events.CommitmentEvent;
import org.hlf.mentor.pause.config.PauseConfig;
import org.hlf.mentor.pause.inbox.ConsumerRetry;
import org.hlf.mentor.pause.inbox.InboxProcessor;

/**
 * Consumes {@code mentor-commitments} (key mentorId) into the projection of open commitments that pause eligibility
 * reads. Poison goes to mentor-commitments-dlq; a failure that may pass is retried and, past the budget, stops the
 * channel so the record is read again after the restart ({@link InboxProcessor}): a commitment is never dropped
 * because the database was briefly away.
 */
@ApplicationScoped
public class CommitmentConsumer {

    private final InboxProcessor<CommitmentEvent> processor;

    public CommitmentConsumer(CommitmentEventReader reader, CommitmentHandler handler, PauseConfig config,
            CommitmentDeadLetters deadLetters) {
        this.processor = new InboxProcessor<>("commitment", reader::read, CommitmentEvent::mentorId,
                handler::handle, new ConsumerRetry(config.commitments().retry()), deadLetters::send);
    }

    @Incoming("mentor-commitments")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return processor.process(record);
    }
}
