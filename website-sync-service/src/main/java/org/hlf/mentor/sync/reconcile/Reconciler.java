package org.hlf.mentor.sync.reconcile;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.hlf.mentor.sync.audit.SyncLog;
import org.hlf.mentor.sync.audit.SyncLogEntry;
import org.hlf.mentor.sync.config.SyncConfig;
import org.hlf.mentor.sync.portal.PortalClient;
import org.hlf.mentor.sync.portal.VisibilityChange;
import org.hlf.mentor.sync.sync.PortalWriter;
import org.hlf.mentor.sync.sync.Source;
import org.hlf.mentor.sync.sync.SyncState;
import org.hlf.mentor.sync.sync.SyncStateRepository;

/**
 * Compares what each known mentor should show with what the portal shows (a GET with {@code $select}) and repairs
 * drift, e.g. after an edit in the portal or a dead letter nobody replayed. Goes through the state page by page.
 */
@ApplicationScoped
public class Reconciler {

    private static final int PAGE = 500;

    private final SyncStateRepository states;
    private final PortalClient portal;
    private final PortalWriter writer;
    private final SyncLog log;
    private final SyncConfig config;

    public Reconciler(SyncStateRepository states, PortalClient portal, PortalWriter writer, SyncLog log,
            SyncConfig config) {
        this.states = states;
        this.portal = portal;
        this.writer = writer;
        this.log = log;
        this.config = config;
    }

    /** Every known mentor, or those of one chapter. */
    public Uni<ReconcileReport> reconcile(String chapterId) {
        Counts counts = new Counts();
        return page(chapterId, null, counts).map(done -> counts.report());
    }

    private Uni<Void> page(String chapterId, UUID after, Counts counts) {
        return states.page(chapterId, after, PAGE).onItem().transformToUni(page -> {
            if (page.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return Multi.createFrom().iterable(page).onItem().transformToUni(state -> check(state, counts))
                    .merge(config.portal().concurrency()).collect().last()
                    .onItem().transformToUni(v -> page.size() < PAGE ? Uni.createFrom().voidItem()
                            : page(chapterId, page.get(page.size() - 1).mentorId(), counts));
        });
    }

    private Uni<Void> check(SyncState state, Counts counts) {
        counts.checked.incrementAndGet();
        return portal.read(state.mentorId()).onItem().transformToUni(shown -> {
            if (shown.isEmpty()) {
                counts.missing.incrementAndGet();
                return Uni.createFrom().voidItem();
            }
            if (shown.get() == state.desiredVisible()) {
                counts.inSync.incrementAndGet();
                return state.portalVisible() == null || state.portalVisible() != state.desiredVisible()
                        ? states.synced(List.of(new org.hlf.mentor.sync.sync.Applied(
                                new VisibilityChange(state.mentorId(), shown.get()), 0, null, null, 0)))
                        : Uni.createFrom().voidItem();
            }
            return repair(state, counts);
        }).onFailure().recoverWithItem(failure -> {
            counts.failed.incrementAndGet();
            return null;
        });
    }

    private Uni<Void> repair(SyncState state, Counts counts) {
        VisibilityChange change = new VisibilityChange(state.mentorId(), state.desiredVisible());
        return writer.single(change).onItem().transformToUni(applied -> {
            (applied.succeeded() ? counts.repaired : counts.failed).incrementAndGet();
            SyncLogEntry entry = SyncLogEntry.of(state.mentorId(), SyncLogEntry.actionFor(change.visible()),
                    applied.succeeded() ? SyncLogEntry.Outcome.APPLIED : SyncLogEntry.Outcome.FAILED,
                    applied.succeeded() ? "drift repaired" : PortalClient.describe(applied.failure()),
                    applied.attempts(), state.lastEventId(), state.lastEventVersion(), Source.RECONCILE.name(), null,
                    applied.durationMs());
            Uni<Void> stored = applied.succeeded() ? states.synced(List.of(applied)) : states.failed(List.of(applied));
            return stored.chain(() -> log.write(entry));
        });
    }

    private static final class Counts {
        final AtomicInteger checked = new AtomicInteger();
        final AtomicInteger inSync = new AtomicInteger();
        final AtomicInteger repaired = new AtomicInteger();
        final AtomicInteger missing = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();

        ReconcileReport report() {
            return new ReconcileReport(checked.get(), inSync.get(), repaired.get(), missing.get(), failed.get());
        }
    }

}
