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
 */
@ApplicationScoped
public class FaultInjector {

    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final Clock clock;
    private final Supplier<RandomGenerator> random;

    @Inject
    public FaultInjector() {
        this(Clock.systemUTC(), ThreadLocalRandom::current);
    }

    FaultInjector(Clock clock, Supplier<RandomGenerator> random) {
        this.clock = clock;
        this.random = random;
    }

    /** Validates every spec before touching the rules, so a bad list changes nothing. */
    public List<ActiveFault> replace(List<FaultSpec> specs) {
        specs.forEach(FaultInjector::requireValid);
        Instant now = clock.instant();
        List<FaultRule> fresh = specs.stream().map(spec -> new FaultRule(ids.incrementAndGet(), spec, now)).toList();
        synchronized (rules) {
            rules.clear();
            rules.addAll(fresh);
        }
        return active();
    }

    public List<ActiveFault> add(FaultSpec spec) {
        requireValid(spec);
        rules.add(new FaultRule(ids.incrementAndGet(), spec, clock.instant()));
        return active();
    }

    public void clear() {
        rules.clear();
    }

    public List<ActiveFault> active() {
        Instant now = clock.instant();
        rules.removeIf(rule -> rule.over(now));
        return rules.stream().map(FaultRule::view).toList();
    }

    public Optional<Fault> draw(FaultTarget target) {
        Instant now = clock.instant();
        for (FaultRule rule : rules) {
            if (rule.over(now)) {
                rules.remove(rule);
                continue;
            }
            if (rule.aimsAt(target) && rule.strikes(random.get())) {
                return Optional.of(rule.effect(target));
            }
        }
        return Optional.empty();
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
