package org.hlf.mentor.pause.certification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hlf.mentor.events.CertificationEvent;
import org.hlf.mentor.pause.status.MentorNotFound;
import org.hlf.mentor.pause.status.StatusService;
import org.jboss.logging.Logger;

/**
 * Consumes {@code certification-events} (key mentorId, so one mentor's events arrive in order). A record that
 * cannot be applied goes to the dead-letter topic with its reason and the partition moves on; a lost race with a
 * coordinator is simply retried, as the transition is re-decided on fresh state.
 */
@ApplicationScoped
public class CertificationConsumer {

    private static final Logger LOG = Logger.getLogger(CertificationConsumer.class);

    private final ObjectMapper mapper;
    private final CertificationHandler handler;
    private final CertificationDeadLetters deadLetters;

    public CertificationConsumer(ObjectMapper mapper, CertificationHandler handler,
            CertificationDeadLetters deadLetters) {
        this.mapper = mapper;
        this.handler = handler;
        this.deadLetters = deadLetters;
    }

    @Incoming("certification-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        CertificationEvent event;
        try {
            event = mapper.readValue(record.value(), CertificationEvent.class);
            if (event.eventId() == null || event.mentorId() == null || event.validUntil() == null) {
                return deadLetter(record, "missing eventId, mentorId or validUntil", null);
            }
        } catch (Exception e) {
            return deadLetter(record, "unreadable certification event: " + e.getMessage(), e);
        }
        CertificationEvent parsed = event;
        return Uni.createFrom().deferred(() -> handler.handle(parsed))
                .onFailure(StatusService::lostRace).retry().withBackOff(Duration.ofMillis(20)).atMost(5)
                .replaceWithVoid()
                .onFailure(MentorNotFound.class).recoverWithUni(
                        e -> deadLetter(record, "unknown mentor " + parsed.mentorId(), e))
                .onFailure().recoverWithUni(e -> deadLetter(record, "could not apply: " + e.getMessage(), e));
    }

    private Uni<Void> deadLetter(ConsumerRecord<String, String> record, String reason, Throwable failure) {
        LOG.warnf("certification record %s-%d@%d to the dead-letter topic: %s", record.topic(), record.partition(),
                record.offset(), reason);
        return deadLetters.send(record, reason, failure);
    }
}
