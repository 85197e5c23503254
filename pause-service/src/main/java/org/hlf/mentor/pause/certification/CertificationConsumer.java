package org.hlf.mentor.pause.certification;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hlf.mentor.events.CertificationEvent;
import org.jboss.logging.Logger;

/**
 * Consumes {@code certification-events} (key mentorId, so one mentor's events arrive in order). A record that
 * will fail the same way every time (unreadable, invalid, unknown mentor) goes to the dead-letter topic with its
 * reason and the partition moves on. Any other failure (the database went away, a lost race with a coordinator) is
 * retried with backoff; if it outlasts the retry budget it escapes: the channel stops, liveness reports it DOWN, and
 * after the restart the uncommitted record is read again. Nothing is dead-lettered only because the database was
 * briefly away.
 */
@ApplicationScoped
public class CertificationConsumer {

    private static final Logger LOG = Logger.getLogger(CertificationConsumer.class);

    private final CertificationEventReader reader;
    private final CertificationHandler handler;
    private final CertificationRetry retry;
    private final CertificationDeadLetters deadLetters;

    public CertificationConsumer(CertificationEventReader reader, CertificationHandler handler,
            CertificationRetry retry, CertificationDeadLetters deadLetters) {
        this.reader = reader;
        this.handler = handler;
        this.retry = retry;
        this.deadLetters = deadLetters;
    }

    @Incoming("certification-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        CertificationEvent event;
        try {
            event = reader.read(record.value());
        } catch (InvalidCertificationEvent e) {
            return deadLetter(record, e.getMessage(), e.getCause());
        }
        String where = "certification record %s-%d@%d".formatted(record.topic(), record.partition(), record.offset());
        return retry.retried(where, () -> handler.handle(event)).replaceWithVoid()
                .onFailure(FailureClassifier::retryable).invoke(e -> LOG.errorf(e, "%s still fails after the retry "
                        + "budget; the channel stops, liveness reports it DOWN and a restart reads the record again",
                        where))
                .onFailure(FailureClassifier::permanent).recoverWithUni(
                        e -> deadLetter(record, FailureClassifier.reason(e, event), e));
    }

    private Uni<Void> deadLetter(ConsumerRecord<String, String> record, String reason, Throwable failure) {
        LOG.warnf("certification record %s-%d@%d to the dead-letter topic: %s", record.topic(), record.partition(),
                record.offset(), reason);
        return deadLetters.send(record, reason, failure);
    }
}
