package org.hlf.mentor.sync.reconcile;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hlf.mentor.sync.write.Cause;
import org.hlf.mentor.sync.write.VisibilityWrites;
import org.hlf.mentor.sync.write.WriteLimits;
import org.hlf.mentor.sync.write.WriteRequest;
import org.hlf.mentor.sync.write.WriteResult;

/**
 * The writes a run owes, gathered across roster pages and sent through the one write path a chunk at a time, so
 * a few drifted mentors per page still go out together as one {@code $batch}.
 */
final class Repairs {

    private final VisibilityWrites writes;
    private final WriteLimits limits;
    private final Cause cause;
    private final int chunk;
    private final ReconcileCounts counts;
    private final List<WriteRequest> due = new ArrayList<>();
    private final Set<UUID> drifted = new HashSet<>();

    Repairs(VisibilityWrites writes, WriteLimits limits, Cause cause, int chunk, ReconcileCounts counts) {
        this.writes = writes;
        this.limits = limits;
        this.cause = cause;
        this.chunk = chunk;
        this.counts = counts;
    }

    /** The portal shows the wrong thing: write, whatever the state says it shows. */
    void drifted(UUID mentorId) {
        drifted.add(mentorId);
        due.add(WriteRequest.sync(mentorId, true, cause));
    }

    /** The portal looked right but the state could not be confirmed: let the write path decide. */
    void unsettled(UUID mentorId) {
        due.add(WriteRequest.sync(mentorId, false, cause));
    }

    Uni<Void> flushFull() {
        return due.size() >= chunk ? flush() : Uni.createFrom().voidItem();
    }

    Uni<Void> flush() {
        if (due.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<WriteRequest> batch = List.copyOf(due.subList(0, Math.min(chunk, due.size())));
        due.subList(0, batch.size()).clear();
        return writes.apply(batch, limits).invoke(this::count).chain(this::flush);
    }

    private void count(List<WriteResult> results) {
        for (WriteResult result : results) {
            if (result.failed()) {
                counts.failed.incrementAndGet();
            } else if (result.kind() == WriteResult.Kind.WRITTEN && drifted.remove(result.mentorId())) {
                counts.repaired.incrementAndGet();
            }
        }
    }
}
