package org.hlf.mentor.sandbox.faults;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls held by {@code "hold": true} rules. Tests use it as a gate: hold a call, change the world,
 * release it, and know which state the call sees.
 */
@ApplicationScoped
public class HeldCalls {

    private final Set<HeldCall> waiting = ConcurrentHashMap.newKeySet();

    HeldCall hold(long ruleId, long maxMs) {
        HeldCall call = new HeldCall(ruleId, maxMs, waiting::remove);
        waiting.add(call);
        return call;
    }

    /** Opens the gate for every call held now; they run before this returns. @return how many were released */
    public int releaseAll() {
        int released = 0;
        for (HeldCall call : waiting) {
            if (waiting.remove(call) && call.release()) {
                released++;
            }
        }
        return released;
    }

    public int count() {
        return waiting.size();
    }

    int heldBy(long ruleId) {
        int held = 0;
        for (HeldCall call : waiting) {
            if (call.ruleId() == ruleId) {
                held++;
            }
        }
        return held;
    }
}
