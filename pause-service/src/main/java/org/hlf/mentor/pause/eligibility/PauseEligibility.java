package org.hlf.mentor.pause.eligibility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.hlf.mentor.events.CommitmentKind;
import org.hlf.mentor.events.OpenCommitment;
import org.hlf.mentor.pause.config.PauseConfig;

/**
 * The pause eligibility rules as plain code, beside the state machine (docs/pause-eligibility.md). Of the blocking
 * kinds (configurable; ASSIGNMENT and SESSION by default) a SESSION blocks only when it starts inside the pause,
 * from today to the expected return date inclusive, or on any day from today when there is no return date (a
 * session without a time blocks: it may be any day); any other blocking kind blocks while open. Everything else
 * open (pending reimbursements, sessions outside the pause) is a warning. With enforcement off, nothing blocks.
 */
@ApplicationScoped
public class PauseEligibility {

    private static final Comparator<OpenCommitment> ORDER = Comparator
            .comparing(OpenCommitment::startsAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(OpenCommitment::commitmentId);

    private final boolean enforced;
    private final Set<CommitmentKind> blockingKinds;
    private final ZoneId zone;

    @Inject
    public PauseEligibility(PauseConfig config) {
        this(config.eligibility().enforced(), config.eligibility().blockingKinds(), config.zone());
    }

    PauseEligibility(boolean enforced, Set<CommitmentKind> blockingKinds, ZoneId zone) {
        this.enforced = enforced;
        this.blockingKinds = Set.copyOf(blockingKinds);
        this.zone = zone;
    }

    /**
     * @param today          the pause's first day
     * @param expectedReturn the expected return date, or null when open-ended
     */
    public Eligibility judge(List<OpenCommitment> open, LocalDate today, LocalDate expectedReturn) {
        List<OpenCommitment> blockers = new ArrayList<>();
        List<OpenCommitment> warnings = new ArrayList<>();
        for (OpenCommitment commitment : open) {
            (enforced && blocks(commitment, today, expectedReturn) ? blockers : warnings).add(commitment);
        }
        blockers.sort(ORDER);
        warnings.sort(ORDER);
        return new Eligibility(List.copyOf(blockers), List.copyOf(warnings));
    }

    private boolean blocks(OpenCommitment commitment, LocalDate today, LocalDate expectedReturn) {
        if (!blockingKinds.contains(commitment.kind())) {
            return false;
        }
        if (commitment.kind() != CommitmentKind.SESSION || commitment.startsAt() == null) {
            return true;
        }
        LocalDate day = commitment.startsAt().atZone(zone).toLocalDate();
        return !day.isBefore(today) && (expectedReturn == null || !day.isAfter(expectedReturn));
    }
}
