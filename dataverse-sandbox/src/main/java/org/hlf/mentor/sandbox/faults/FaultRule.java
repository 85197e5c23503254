package org.hlf.mentor.sandbox.faults;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/** A fault rule in force: the operator's spec plus how many uses are left and when an outage ends. */
final class FaultRule {

    private static final long UNLIMITED = Long.MAX_VALUE;
    private static final int DEFAULT_STATUS = 503;

    private final long id;
    private final FaultSpec spec;
    private final AtomicLong remaining;
    private final Instant endsAt;
    private volatile boolean retired;

    FaultRule(long id, FaultSpec spec, Instant now) {
        this.id = id;
        this.spec = spec;
        this.remaining = new AtomicLong(spec.count() == null ? UNLIMITED : spec.count());
        this.endsAt = spec.outageSeconds() == null ? null : now.plusSeconds(spec.outageSeconds());
    }

    long id() {
        return id;
    }

    boolean holds() {
        return spec.holds();
    }

    long holdMaxMs() {
        return spec.holdMaxMsOrDefault();
    }

    /** Stops striking for good: the rule was replaced, but stays to account for the calls it holds. */
    void retire() {
        retired = true;
    }

    /** Whether the rule can strike no more; it may still hold calls it struck before. */
    boolean over(Instant now) {
        return retired || remaining.get() <= 0 || (endsAt != null && !now.isBefore(endsAt));
    }

    boolean aimsAt(FaultTarget target) {
        if (!spec.coversMethod(target.method())) {
            return false;
        }
        return switch (target.kind()) {
            case TOKEN -> spec.coversToken();
            case DATA_CALL -> spec.mentorId() == null || spec.mentorId().equals(target.mentorId());
            // a part cannot wait on its own: holding is for whole calls
            case BATCH_PART -> !spec.holds() && spec.mentorId() != null && spec.mentorId().equals(target.mentorId());
        };
    }

    /** Rolls the dice for a failure rate and takes one use; false when this call escapes the rule. */
    boolean strikes(RandomGenerator random) {
        if (spec.failureRate() != null && random.nextDouble() >= spec.failureRate()) {
            return false;
        }
        long left = remaining.getAndUpdate(n -> n == UNLIMITED || n <= 0 ? n : n - 1);
        return left > 0;
    }

    /** @param hold the gate the call waits at, null when the rule does not hold */
    Fault effect(FaultTarget target, HeldCall hold) {
        if (target.kind() == FaultTarget.Kind.BATCH_PART) {
            // inside a batch only the operation's own answer can fail; delays and resets hit whole calls
            int status = spec.status() == null ? DEFAULT_STATUS : spec.status();
            return new Fault(0, status, false, retryAfter(status), "injected " + status);
        }
        long latency = spec.latencyMs() == null ? 0 : spec.latencyMs();
        if (spec.resets()) {
            return new Fault(latency, null, true, null, "injected connection reset", hold);
        }
        Integer status = spec.status();
        if (status == null && (spec.failureRate() != null || spec.outageSeconds() != null)) {
            status = DEFAULT_STATUS;
        }
        if (status == null) {
            return new Fault(latency, null, false, null, latency > 0 ? "injected latency " + latency + " ms" : null, hold);
        }
        String description = spec.outageSeconds() != null ? "injected outage " + status : "injected " + status;
        if (latency > 0) {
            description += " after " + latency + " ms";
        }
        return new Fault(latency, status, false, retryAfter(status), description, hold);
    }

    private Integer retryAfter(int status) {
        if (spec.retryAfterSeconds() != null) {
            return spec.retryAfterSeconds();
        }
        // a 429 without Retry-After never comes from Dataverse; make the injected one look real
        return status == 429 ? 1 : null;
    }

    ActiveFault view(int held) {
        long left = retired ? 0 : remaining.get();
        return new ActiveFault(id, spec, left == UNLIMITED ? null : left, endsAt, held);
    }
}
