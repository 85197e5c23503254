package org.hlf.mentor.sync.audit;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code website_sync_log}: what was done for a mentor, how it ended, and why. */
public record SyncLogEntry(Long id, UUID mentorId, Action action, Outcome outcome, boolean success, String errorDetail,
        int attempt, UUID eventId, Long eventVersion, String source, String actor, long durationMs, Instant time,
        String failure) {

    public enum Action {
        HIDE,
        RESTORE,
        SKIP,
        POISON
    }

    public enum Outcome {
        APPLIED,
        /** Nothing written: the portal already showed what the status asks for. */
        ALREADY_IN_SYNC,
        SKIPPED_STALE,
        SUPERSEDED,
        /** Written, but the status changed meanwhile: not stored as the truth, the mentor was written again. */
        DISCARDED,
        /** A show refused because the last known status is not ACTIVE. */
        REFUSED,
        FAILED,
        DEAD_LETTERED
    }

    public static Action actionFor(boolean visible) {
        return visible ? Action.RESTORE : Action.HIDE;
    }

    public static Builder of(UUID mentorId, Action action, Outcome outcome, Source source) {
        return new Builder(mentorId, action, outcome, source);
    }

    /** The optional columns by name, so no call site lines up ten positional arguments. */
    public static final class Builder {

        private final UUID mentorId;
        private final Action action;
        private final Outcome outcome;
        private final Source source;
        private String errorDetail;
        private int attempt;
        private UUID eventId;
        private Long eventVersion;
        private String actor;
        private long durationMs;
        private String failure;

        private Builder(UUID mentorId, Action action, Outcome outcome, Source source) {
            this.mentorId = mentorId;
            this.action = action;
            this.outcome = outcome;
            this.source = source;
        }

        public Builder error(String detail) {
            this.errorDetail = detail;
            return this;
        }

        public Builder attempts(int attempts) {
            this.attempt = attempts;
            return this;
        }

        public Builder event(UUID id, Long version) {
            this.eventId = id;
            this.eventVersion = version;
            return this;
        }

        public Builder actor(String who) {
            this.actor = who;
            return this;
        }

        public Builder durationMs(long millis) {
            this.durationMs = millis;
            return this;
        }

        /** UNAVAILABLE (may pass) or REJECTED (will recur) for a failed portal write; alerting counts them. */
        public Builder failure(String kind) {
            this.failure = kind;
            return this;
        }

        public SyncLogEntry build() {
            boolean success = outcome == Outcome.APPLIED || outcome == Outcome.ALREADY_IN_SYNC;
            return new SyncLogEntry(null, mentorId, action, outcome, success, errorDetail, attempt, eventId,
                    eventVersion, source.name(), actor, durationMs, null, failure);
        }
    }
}
