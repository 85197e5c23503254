package org.hlf.mentor.pause.status;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import java.util.UUID;
import org.hibernate.StaleStateException;
import org.hlf.mentor.pause.idempotency.Idempotency;
import org.hlf.mentor.pause.security.Actor;

/**
 * Entry point for status changes: runs the transaction and turns a lost race into the same 409 a refused
 * transition gets, with the status that won.
 */
@ApplicationScoped
public class StatusService {

    private final MentorTransitions transitions;
    private final Idempotency idempotency;

    public StatusService(MentorTransitions transitions, Idempotency idempotency) {
        this.transitions = transitions;
        this.idempotency = idempotency;
    }

    /**
     * @param idempotencyKey the caller's Idempotency-Key or null
     * @param fingerprint    what identifies the request for that key
     */
    public Uni<Idempotency.Answer<MentorStatusView>> apply(UUID mentorId, MentorTransitions.Request request,
            Actor actor, String idempotencyKey, String fingerprint) {
        return idempotency.once(actor.id(), idempotencyKey, fingerprint,
                () -> transitions.apply(mentorId, request, actor).map(MentorTransitions.Applied::view))
                .onFailure(StatusService::lostRace)
                .recoverWithUni(() -> transitions.current(mentorId, actor).map(current -> {
                    throw new TransitionRefused(mentorId, current.status(),
                            StateMachine.allowedTargets(current.status()),
                            "Transition refused: the mentor was changed concurrently and is now " + current.status());
                }));
    }

    public Uni<MentorStatusView> current(UUID mentorId, Actor actor) {
        return transitions.current(mentorId, actor);
    }

    /** Another request changed the mentor between our read and our write. */
    public static boolean lostRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StaleStateException || t instanceof OptimisticLockException
                    || t instanceof ConcurrentChange) {
                return true;
            }
        }
        return false;
    }
}
