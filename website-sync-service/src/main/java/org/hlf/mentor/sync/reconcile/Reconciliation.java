package org.hlf.mentor.sync.reconcile;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hlf.mentor.sync.audit.Source;
import org.hlf.mentor.sync.config.SyncConfig;
import org.hlf.mentor.sync.roster.Roster;
import org.hlf.mentor.sync.roster.RosterEntry;
import org.hlf.mentor.sync.roster.RosterPage;
import org.hlf.mentor.sync.state.StatusFact;
import org.hlf.mentor.sync.state.SyncState;
import org.hlf.mentor.sync.state.SyncStateRepository;
import org.hlf.mentor.sync.write.Cause;
import org.hlf.mentor.sync.write.VisibilityWrites;
import org.hlf.mentor.sync.write.WriteLimits;

/**
 * One run: the portal read whole, then pause-service's roster page by page. Each roster page is first recorded as
 * knowledge (version-checked, like an event: a roster read older than an event already applied changes nothing,
 * and a mentor whose events never arrived becomes known), then compared three ways. What differs goes through the
 * one write path, which decides from the state under the mentor's lock: a stale snapshot can cost a needless write,
 * never a wrong one. Where the portal already shows what the status asks for, the state is only confirmed.
 */
@ApplicationScoped
class Reconciliation {

    private final PortalSnapshot portal;
    private final Roster roster;
    private final SyncStateRepository states;
    private final VisibilityWrites writes;
    private final WriteLimits limits;
    private final int repairChunk;

    Reconciliation(PortalSnapshot portal, Roster roster, SyncStateRepository states, VisibilityWrites writes,
            SyncConfig config) {
        this.portal = portal;
        this.roster = roster;
        this.states = states;
        this.writes = writes;
        this.limits = WriteLimits.background(config);
        this.repairChunk = config.reconcile().repairChunk();
    }

    Uni<Void> run(ReconcileRun run, ReconcileCounts counts) {
        Repairs repairs = new Repairs(writes, limits, Cause.of(Source.RECONCILE, "reconcile:" + run.runId()), repairChunk,
                counts);
        return states.now().chain(readSince -> portal.read(run.chapterId(), counts).chain(shown -> {
            counts.phase = ReconcileRun.PHASE_ROSTER;
            Pass pass = new Pass(run.chapterId(), shown, readSince, counts, repairs);
            return rosterPage(pass, null).chain(repairs::flush).invoke(() ->
                    // whatever the roster never named is still in the snapshot
                    counts.unknownToPauseService.set(shown.size()));
        }));
    }

    private record Pass(String chapterId, Map<UUID, Boolean> shown, OffsetDateTime readSince, ReconcileCounts counts,
            Repairs repairs) {
    }

    private Uni<Void> rosterPage(Pass pass, String cursor) {
        return roster.page(cursor, pass.chapterId()).chain(page -> compare(page, pass)
                .chain(() -> page.nextCursor() == null ? Uni.createFrom().voidItem()
                        : rosterPage(pass, page.nextCursor())));
    }

    private Uni<Void> compare(RosterPage page, Pass pass) {
        List<StatusFact> facts = page.items().stream().map(Reconciliation::fact).toList();
        List<UUID> ids = facts.stream().map(StatusFact::mentorId).toList();
        ReconcileCounts counts = pass.counts();
        return states.claim(facts).chain(() -> states.read(ids)).chain(known -> {
            List<SyncStateRepository.Outcome> observed = new ArrayList<>();
            for (UUID id : ids) {
                counts.checked.incrementAndGet();
                Boolean onPortal = pass.shown().remove(id);
                SyncState state = known.get(id);
                if (onPortal == null) {
                    counts.missingInPortal.incrementAndGet();
                } else if (onPortal != state.desiredVisible()) {
                    counts.drifted.incrementAndGet();
                    pass.repairs().drifted(id);
                } else {
                    counts.inSync.incrementAndGet();
                    if (!state.inSync()) {
                        observed.add(new SyncStateRepository.Outcome(id, onPortal, 0, null, state.lastEventVersion()));
                    }
                }
            }
            return states.confirm(observed, pass.readSince()).chain(confirmed -> {
                // not confirmed: written since the read, or the status moved on; the write path settles it
                observed.stream().map(SyncStateRepository.Outcome::mentorId).filter(id -> !confirmed.contains(id))
                        .forEach(pass.repairs()::unsettled);
                return pass.repairs().flushFull();
            });
        });
    }

    private static StatusFact fact(RosterEntry entry) {
        return new StatusFact(entry.mentorId(), entry.chapterId(), entry.status(), entry.version(), null,
                Source.RECONCILE);
    }
}
