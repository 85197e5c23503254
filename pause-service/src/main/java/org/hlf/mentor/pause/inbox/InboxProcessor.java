package org.hlf.mentor.pause.inbox;

import io.smallrye.mutiny.Uni;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * How a consumer of pause-service treats one record: a record that will fail the same way every time (unreadable,
 * invalid, an unknown mentor) goes to its dead-letter topic with the reason and the partition moves on. Any other
 * failure (the database went away, a lost race with a coordinator) is retried with backoff; if it outlasts the
 * budget it escapes: the channel stops, liveness reports it DOWN, and after the restart the uncommitted record is
 * read again. Nothing is dead-lettered only because the database was briefly away.
 *
 * @param <E> the event type of the topic
 */
public final class InboxProcessor<E> {

    /** Parks a record; completes when the broker has the dead letter. */
    @FunctionalInterface
    public interface DeadLetters {
        Uni<Void> send(ConsumerRecord<String, String> record, String reason, Throwable failure);
    }

    private static final Logger LOG = Logger.getLogger(InboxProcessor.class);

    private final String name;
    private final Function<String, E> reader;
    private final Function<E, UUID> mentorOf;
    private final Function<E, Uni<?>> handler;
    private final ConsumerRetry retry;
    private final DeadLetters deadLetters;

    /**
     * @param name   what the records are, in the log ("certification", "commitment")
     * @param reader reads a value, failing with {@link InvalidEvent} when it can never apply
     */
    public InboxProcessor(String name, Function<String, E> reader, Function<E, UUID> mentorOf,
            Function<E, Uni<?>> handler, ConsumerRetry retry, DeadLetters deadLetters) {
        this.name = name;
        this.reader = reader;
        this.mentorOf = mentorOf;
        this.handler = handler;
        this.retry = retry;
        this.deadLetters = deadLetters;
    }

    public Uni<Void> process(ConsumerRecord<String, String> record) {
        E event;
        try {
            event = reader.apply(record.value());
        } catch (InvalidEvent e) {
            return deadLetter(record, e.getMessage(), e.getCause());
        }
        String where = "%s record %s-%d@%d".formatted(name, record.topic(), record.partition(), record.offset());
        return retry.retried(where, () -> handler.apply(event)).replaceWithVoid()
                .onFailure(FailureClassifier::retryable).invoke(e -> LOG.errorf(e, "%s still fails after the retry "
                        + "budget; the channel stops, liveness reports it DOWN and a restart reads the record again",
                        where))
                .onFailure(FailureClassifier::permanent).recoverWithUni(
                        e -> deadLetter(record, FailureClassifier.reason(e, mentorOf.apply(event)), e));
    }

    private Uni<Void> deadLetter(ConsumerRecord<String, String> record, String reason, Throwable failure) {
        LOG.warnf("%s record %s-%d@%d to the dead-letter topic: %s", name, record.topic(), record.partition(),
                record.offset(), reason);
        return deadLetters.send(record, reason, failure);
    }
}
