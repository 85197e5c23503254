package org.hlf.mentor.pause.commitments;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.hlf.mentor.events.CommitmentClosed;
import org.hlf.mentor.events.CommitmentEvent;
import org.hlf.mentor.events.CommitmentOpened;
import org.hlf.mentor.pause.inbox.ProcessedEvents;
import org.jboss.logging.Logger;

/** Applies one commitment event to the projection, with its event id recorded in the same transaction. */
@ApplicationScoped
public class CommitmentHandler {

    private static final Logger LOG = Logger.getLogger(CommitmentHandler.class);

    private final ProcessedEvents processed;
    private final CommitmentProjection projection;
    private final Clock clock;

    public CommitmentHandler(ProcessedEvents processed, CommitmentProjection projection, Clock clock) {
        this.processed = processed;
        this.projection = projection;
        this.clock = clock;
    }

    /** Answers whether the event was applied (false: a duplicate). */
    @WithTransaction
    public Uni<Boolean> handle(CommitmentEvent event) {
        Instant now = clock.instant();
        String type = event instanceof CommitmentOpened ? CommitmentOpened.TYPE : CommitmentClosed.TYPE;
        return processed.firstTime(event.eventId(), event.mentorId(), type, now).flatMap(first -> {
            if (!first) {
                LOG.infof("duplicate commitment event %s ignored", event.eventId());
                return Uni.createFrom().item(false);
            }
            Uni<Void> applied = event instanceof CommitmentOpened opened ? projection.open(opened, now)
                    : projection.close((CommitmentClosed) event, now);
            return applied.replaceWith(true);
        });
    }
}
