package org.hlf.mentor.sandbox.requestlog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hlf.mentor.sandbox.SandboxConfig;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Every token and data call, oldest first. Bounded: a benchmark of millions of calls keeps only the newest
 * entries instead of exhausting the heap.
 */
@ApplicationScoped
public class RequestLog {

    private final int capacity;
    private final Clock clock;
    private final ArrayDeque<RequestLogEntry> entries = new ArrayDeque<>();
    private long nextSeq = 1;

    @Inject
    public RequestLog(SandboxConfig config) {
        this(config.requestLogCapacity(), Clock.systemUTC());
    }

    RequestLog(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("request log capacity must be at least 1");
        }
        this.capacity = capacity;
        this.clock = clock;
    }

    /** The log's clock: a call notes when it arrived, to be logged with its answer. */
    public Instant now() {
        return clock.instant();
    }

    /** A call answered at once: it arrived when it was answered. */
    public void record(String requestId, String clientId, String method, String path, UUID mentorId,
                       int status, Boolean visibility, String note) {
        record(null, requestId, clientId, method, path, mentorId, status, visibility, note);
    }

    /** @param receivedAt when the call arrived; null when it was answered at once */
    public void record(Instant receivedAt, String requestId, String clientId, String method, String path,
                       UUID mentorId, int status, Boolean visibility, String note) {
        String mentor = mentorId == null ? null : mentorId.toString();
        Instant answered = clock.instant();
        synchronized (entries) {
            if (entries.size() == capacity) {
                entries.pollFirst();
            }
            entries.addLast(new RequestLogEntry(nextSeq++, receivedAt == null ? answered : receivedAt, answered,
                    requestId, clientId, method, path, mentor, status, visibility, note));
        }
    }

    public List<RequestLogEntry> find(Predicate<RequestLogEntry> filter) {
        synchronized (entries) {
            return entries.stream().filter(filter).toList();
        }
    }

    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
