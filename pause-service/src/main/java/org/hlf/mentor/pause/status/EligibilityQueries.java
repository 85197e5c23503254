package org.hlf.mentor.pause.status;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.pause.eligibility.Eligibility;
import org.hlf.mentor.pause.eligibility.OpenCommitments;
import org.hlf.mentor.pause.eligibility.PauseEligibility;
import org.hlf.mentor.pause.security.Actor;

/** Asks the pause rules ahead of a pause, from the same projection and rules the pause itself uses. */
@ApplicationScoped
public class EligibilityQueries {

    private final MentorRepository mentors;
    private final OpenCommitments openCommitments;
    private final PauseEligibility rules;
    private final Clock clock;

    public EligibilityQueries(MentorRepository mentors, OpenCommitments openCommitments, PauseEligibility rules,
            Clock clock) {
        this.mentors = mentors;
        this.openCommitments = openCommitments;
        this.rules = rules;
        this.clock = clock;
    }

    /** @param expectedReturn the return date the pause would name, or null for an open-ended pause */
    @WithSession
    public Uni<EligibilityView> of(UUID mentorId, Actor actor, LocalDate expectedReturn) {
        return mentors.findWithOpenPause(mentorId, actor).flatMap(found -> openCommitments.of(mentorId).map(open -> {
            Eligibility judged = rules.judge(open, LocalDate.now(clock), expectedReturn);
            MentorStatus status = found.mentor().status;
            return new EligibilityView(mentorId, status, status == MentorStatus.ACTIVE && !judged.blocked(),
                    judged.blockers(), judged.warnings());
        }));
    }
}
