package org.hlf.mentor.sync.write;

import org.hlf.mentor.sync.state.SyncState;

/**
 * Decides, from the state read under the mentor's lock, what one request writes. Plain code: the visibility rule
 * and the ACTIVE-only rule for showing live here and nowhere else.
 *
 * @param visible what to write; null when nothing is written ({@code settled} says why)
 * @param basis   the version the decision was made from; the outcome is stored only while it is still current
 */
public record WriteDecision(Boolean visible, long basis, WriteResult.Kind settled) {

    /** No row: the version is unknown, so nothing is stored for the mentor whatever the outcome. */
    public static final long NO_BASIS = -1;

    public static WriteDecision decide(WriteRequest request, SyncState state) {
        return switch (request.intent()) {
            // hiding is always safe, even for a mentor never heard of
            case HIDE -> write(false, state);
            case SHOW -> state == null ? settle(WriteResult.Kind.UNKNOWN)
                    : state.active() ? write(true, state) : settle(WriteResult.Kind.NOT_ACTIVE, state);
            case SYNC -> state == null ? settle(WriteResult.Kind.UNKNOWN)
                    : !request.force() && state.inSync() ? settle(WriteResult.Kind.ALREADY_IN_SYNC, state)
                    : write(state.active(), state);
        };
    }

    public boolean writes() {
        return visible != null;
    }

    private static WriteDecision write(boolean visible, SyncState state) {
        return new WriteDecision(visible, state == null ? NO_BASIS : state.lastEventVersion(), null);
    }

    private static WriteDecision settle(WriteResult.Kind kind) {
        return new WriteDecision(null, NO_BASIS, kind);
    }

    private static WriteDecision settle(WriteResult.Kind kind, SyncState state) {
        return new WriteDecision(null, state.lastEventVersion(), kind);
    }
}
