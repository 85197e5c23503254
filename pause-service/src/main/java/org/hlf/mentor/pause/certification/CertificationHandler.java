package org.hlf.mentor.pause.certification;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.hlf.mentor.events.CertificationEvent;
import org.hlf.mentor.events.CertificationExpired;
import org.hlf.mentor.events.CertificationRenewed;
import org.hlf.mentor.pause.inbox.ProcessedEvents;
import org.hlf.mentor.pause.security.Actor;
import org.hlf.mentor.pause.status.MentorTransitions;
import org.jboss.logging.Logger;

/**
 * Applies one certification event: an expiry or a renewal through the normal transition path, and the event id
 * recorded in the same transaction, so a redelivery changes nothing.
 */
@ApplicationScoped
public class CertificationHandler {

    private static final Logger LOG = Logger.getLogger(CertificationHandler.class);
    static final String ACTOR = "certification-feature";

    private final ProcessedEvents processed;
    private final MentorTransitions transitions;
    private final Clock clock;

    public CertificationHandler(ProcessedEvents processed, MentorTransitions transitions, Clock clock) {
        this.processed = processed;
        this.transitions = transitions;
        this.clock = clock;
    }

    /** Answers whether the event had an effect path (false: a duplicate). */
    @WithTransaction
    public Uni<Boolean> handle(CertificationEvent event) {
        String type = event instanceof CertificationExpired ? CertificationExpired.TYPE : CertificationRenewed.TYPE;
        return processed.firstTime(event.eventId(), event.mentorId(), type, clock.instant()).flatMap(first -> {
            if (!first) {
                LOG.infof("duplicate certification event %s ignored", event.eventId());
                return Uni.createFrom().item(false);
            }
            Actor actor = Actor.system(ACTOR, event.eventId().toString());
            MentorTransitions.Request request = event instanceof CertificationExpired
                    ? MentorTransitions.Request.expire("certification expired on " + event.validUntil(),
                            event.validUntil())
                    : MentorTransitions.Request.renew(event.validUntil());
            return transitions.apply(event.mentorId(), request, actor).replaceWith(true);
        });
    }
}
