package org.hlf.mentor.sync.consumer;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hlf.mentor.events.MentorStatusChanged;
import org.hlf.mentor.sync.audit.Source;
import org.hlf.mentor.sync.audit.SyncLog;
import org.hlf.mentor.sync.audit.SyncLogEntry.Action;
import org.hlf.mentor.sync.audit.SyncLogEntry.Outcome;
import org.hlf.mentor.sync.audit.SyncLogEntry;
import org.hlf.mentor.sync.config.SyncConfig;
import org.hlf.mentor.sync.dlq.DeadLetter;
import org.hlf.mentor.sync.dlq.DeadLetterPublisher;
import org.hlf.mentor.sync.portal.PortalClient;
import org.hlf.mentor.sync.portal.PortalException;
import org.hlf.mentor.sync.state.SyncStateRepository;
import org.hlf.mentor.sync.write.Cause;
import org.hlf.mentor.sync.write.SyncMetrics;
import org.hlf.mentor.sync.write.VisibilityWrites;
import org.hlf.mentor.sync.write.WriteLimits;
import org.hlf.mentor.sync.write.WriteRequest;
import org.hlf.mentor.sync.write.WriteResult;
import org.jboss.logging.Logger;

/**
 * From records to portal writes, for the consumer and for dead-letter replay alike: unreadable records set aside,
 * newest event per mentor, version check (the claim), the write through the one write path. Live records that
 * are unreadable or whose write failed go to the dead-letter topic; replayed ones are only reported (a replay
 * never dead-letters a letter again). The answer completes only when all of that is stored, so the caller may then
 * commit the offsets, and it says how each record ended.
 */
@ApplicationScoped
public class EventSync {

    private static final Logger LOG = Logger.getLogger(EventSync.class);

    private final SyncStateRepository states;
    private final VisibilityWrites writes;
    private final SyncLog log;
    private final DeadLetterPublisher deadLetters;
    private final SyncMetrics metrics;
    private final WriteLimits limits;

    public EventSync(SyncStateRepository states, VisibilityWrites writes, SyncLog log,
            DeadLetterPublisher deadLetters, SyncMetrics metrics, SyncConfig config) {
        this.states = states;
        this.writes = writes;
        this.log = log;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.limits = WriteLimits.background(config);
    }

    public Uni<SyncReport> process(List<InboundRecord> records, Source source) {
        boolean live = source == Source.EVENT;
        Map<InboundRecord, RecordOutcome> outcomes = new LinkedHashMap<>();
        List<SyncEvent> events = new ArrayList<>(records.size());
        List<DeadLetter> letters = new ArrayList<>();
        List<SyncLogEntry> entries = new ArrayList<>();
        for (InboundRecord record : records) {
            StringBuilder problem = new StringBuilder();
            Optional<MentorStatusChanged> event = EventParser.parse(record.payload(), problem);
            if (event.isPresent()) {
                events.add(new SyncEvent(record, event.get()));
            } else {
                LOG.warnf("poison record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), problem);
                outcomes.put(record, RecordOutcome.POISON);
                entries.add(SyncLogEntry.of(uuidOrNull(record.key()), Action.POISON,
                        live ? Outcome.DEAD_LETTERED : Outcome.FAILED, source).error(problem.toString()).build());
                if (live) {
                    letters.add(record.deadLetter("poison", problem.toString(),
                            "com.fasterxml.jackson.core.JacksonException", 0, null, 0));
                    metrics.deadLettered("poison");
                }
            }
        }
        Coalescer.Result coalesced = Coalescer.coalesce(events);
        for (SyncEvent old : coalesced.superseded()) {
            outcomes.put(old.record(), RecordOutcome.SKIPPED);
            entries.add(skip(old, Outcome.SUPERSEDED, "superseded in the same batch", source));
        }
        List<SyncEvent> latest = coalesced.latest();
        return states.claim(latest.stream().map(e -> e.fact(source)).toList()).chain(claimed -> {
            List<SyncEvent> toApply = new ArrayList<>();
            for (SyncEvent candidate : latest) {
                if (claimed.contains(candidate.event().mentorId())) {
                    toApply.add(candidate);
                } else {
                    outcomes.put(candidate.record(), RecordOutcome.SKIPPED);
                    LOG.infof("skipped event %s of mentor %s: version %d is not newer than the last applied one",
                            candidate.event().eventId(), candidate.event().mentorId(), candidate.event().version());
                    entries.add(skip(candidate, Outcome.SKIPPED_STALE, "version " + candidate.event().version()
                            + " is not newer than the last applied version", source));
                }
            }
            int skipped = coalesced.superseded().size() + latest.size() - toApply.size();
            for (int i = 0; i < skipped; i++) {
                metrics.synced("skipped");
            }
            List<WriteRequest> requests = toApply.stream().map(e -> WriteRequest.sync(e.event().mentorId(), false,
                    new Cause(source, null, e.event().eventId(), e.event().version(), live))).toList();
            return writes.apply(requests, limits)
                    .chain(results -> settle(toApply, results, letters, entries, skipped, outcomes, live));
        });
    }

    private Uni<SyncReport> settle(List<SyncEvent> applied, List<WriteResult> results, List<DeadLetter> letters,
            List<SyncLogEntry> entries, int skipped, Map<InboundRecord, RecordOutcome> outcomes, boolean live) {
        Map<UUID, SyncEvent> byMentor = new HashMap<>();
        applied.forEach(e -> byMentor.put(e.event().mentorId(), e));
        int failed = 0;
        for (WriteResult result : results) {
            SyncEvent event = byMentor.get(result.mentorId());
            if (!result.failed()) {
                outcomes.put(event.record(), RecordOutcome.APPLIED);
                continue;
            }
            failed++;
            outcomes.put(event.record(), RecordOutcome.FAILED);
            if (!live) {
                continue;
            }
            Throwable failure = result.applied().failure();
            String reason = PortalClient.transientFailure(failure) ? "exhausted" : "rejected";
            LOG.warnf("event %s (version %d) of mentor %s dead-lettered (%s)", event.event().eventId(),
                    event.event().version(), result.mentorId(), reason);
            metrics.deadLettered(reason);
            letters.add(event.record().deadLetter(reason, PortalClient.describe(failure), failure.getClass().getName(),
                    result.applied().attempts(), result.applied().firstFailure(),
                    failure instanceof PortalException p ? p.status() : 0));
        }
        int poison = (int) entries.stream().filter(e -> e.action() == Action.POISON).count();
        SyncReport report = new SyncReport(results.size() - failed, skipped, failed, poison, outcomes);
        return deadLetters.publish(letters).chain(() -> log.write(entries)).replaceWith(report);
    }

    private static SyncLogEntry skip(SyncEvent event, Outcome outcome, String detail, Source source) {
        return SyncLogEntry.of(event.event().mentorId(), Action.SKIP, outcome, source).error(detail)
                .event(event.event().eventId(), event.event().version()).build();
    }

    private static UUID uuidOrNull(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
