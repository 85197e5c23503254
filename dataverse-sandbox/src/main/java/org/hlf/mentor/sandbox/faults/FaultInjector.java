package org.hlf.mentor.sandbox.faults;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The fault rules in force. Rules are consulted in the order they were added and the first that strikes
 * decides the call's fate, so an operator can script "two 503s, then a slow answer".
 *
 * <p>Methods are synchronized so that a struck hold rule and its held call appear together: a test that
 * sees "one call held" in the listing can release it, and a used-up hold rule is never dropped from the
 * listing between its last strike and the call arriving at the gate.
 */
@ApplicationScoped
public class FaultInjector {

    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final Clock clock;
    private final Supplier<RandomGenerator> random;
    private final HeldCalls held;

    @Inject
    public FaultInjector(HeldCalls held) {
        this(Clock.systemUTC(), ThreadLocalRandom::current, held);
    }

    FaultInjector(Clock clock, Supplier<RandomGenerator> random, HeldCalls held) {
        this.clock = clock;
        this.random = random;
        this.held = held;
    }

    /**
     * Validates every spec before touching the rules, so a bad list changes nothing. Calls already held stay
     * held (and listed under their retired rule) until released.
     */
    public synchronized List<ActiveFault> replace(List<FaultSpec> specs) {
        specs.forEach(FaultInjector::requireValid);
        Instant now = clock.instant();
        List<FaultRule> fresh = specs.stream().map(spec -> new FaultRule(ids.incrementAndGet(), spec, now)).toList();
        List<FaultRule> holding = rules.stream().filter(rule -> held.heldBy(rule.id()) > 0).toList();
        holding.forEach(FaultRule::retire);
        rules.clear();
        rules.addAll(holding);
        rules.addAll(fresh);
        return active();
    }

    public synchronized List<ActiveFault> add(FaultSpec spec) {
        requireValid(spec);
        rules.add(new FaultRule(ids.incrementAndGet(), spec, clock.instant()));
        return active();
    }

    /** Ends every rule; held calls go on at once, so no test leaves a call waiting for the next one. */
    public void clear() {
        synchronized (this) {
            rules.clear();
        }
        // released calls run on this thread: not under the lock, which every data call needs
        held.releaseAll();
    }

    public synchronized List<ActiveFault> active() {
        Instant now = clock.instant();
        rules.removeIf(rule -> finished(rule, now));
        return rules.stream().map(rule -> rule.view(held.heldBy(rule.id()))).toList();
    }

    public synchronized Optional<Fault> draw(FaultTarget target) {
        Instant now = clock.instant();
        for (FaultRule rule : rules) {
            if (rule.over(now)) {
                if (finished(rule, now)) {
                    rules.remove(rule);
                }
                continue;
            }
            if (rule.aimsAt(target) && rule.strikes(random.get())) {
                HeldCall hold = rule.holds() ? held.hold(rule.id(), rule.holdMaxMs()) : null;
                return Optional.of(rule.effect(target, hold));
            }
        }
        return Optional.empty();
    }

    private boolean finished(FaultRule rule, Instant now) {
        return rule.over(now) && held.heldBy(rule.id()) == 0;
    }

    private static void requireValid(FaultSpec spec) {
        if (spec == null) {
            throw new InvalidFaultException(List.of("a fault rule must be a JSON object"));
        }
        List<String> problems = spec.problems();
        if (!problems.isEmpty()) {
            throw new InvalidFaultException(problems);
        }
    }
}
