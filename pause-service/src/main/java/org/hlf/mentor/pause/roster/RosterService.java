package org.hlf.mentor.pause.roster;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.pause.audit.StatusAudit;
import org.hlf.mentor.pause.outbox.MentorEvents;
import org.hlf.mentor.pause.outbox.Outbox;
import org.hlf.mentor.pause.security.Actor;
import org.hlf.mentor.pause.status.MentorRepository;
import org.hlf.mentor.pause.status.MentorStatusView;
import org.hlf.mentor.pause.status.Outcome;
import org.hlf.mentor.pause.status.PausePeriod;
import org.hlf.mentor.pause.status.StateMachine;
import org.hlf.mentor.pause.status.Trigger;

/**
 * Registers and updates roster entries. A new mentor starts ACTIVE when certified today, else EXPIRED_CERT, and
 * is announced with {@code previousStatus = null}; a chapter change is announced too, and a new certification date
 * that changes validity goes through the state machine like a renewal or an expiry.
 */
@ApplicationScoped
public class RosterService {

    /** Mentors per transaction of an import: bounded transactions, one query per chunk for what exists. */
    static final int CHUNK = 250;

    private final MentorRepository mentors;
    private final MentorEvents events;
    private final Outbox outbox;
    private final Clock clock;

    public RosterService(MentorRepository mentors, MentorEvents events, Outbox outbox, Clock clock) {
        this.mentors = mentors;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
    }

    public enum Change {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    public record Upserted(Change change, MentorStatusView mentor) {
    }

    public Uni<Upserted> upsert(RosterEntry entry, Actor actor) {
        return Panache.withTransaction(() -> upsertChunk(List.of(entry), actor)).map(results -> results.get(0));
    }

    /** Each chunk commits on its own; re-running an import is safe (same data: UNCHANGED). */
    public Uni<ImportResult> importAll(List<RosterEntry> entries, Actor actor) {
        List<List<RosterEntry>> chunks = new ArrayList<>();
        for (int i = 0; i < entries.size(); i += CHUNK) {
            chunks.add(entries.subList(i, Math.min(entries.size(), i + CHUNK)));
        }
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(chunk -> Panache.withTransaction(() -> upsertChunk(chunk, actor)))
                .collect().asList()
                .map(all -> {
                    Map<Change, Long> counts = all.stream().flatMap(List::stream)
                            .collect(Collectors.groupingBy(Upserted::change, Collectors.counting()));
                    return new ImportResult(entries.size(), counts.getOrDefault(Change.CREATED, 0L).intValue(),
                            counts.getOrDefault(Change.UPDATED, 0L).intValue(),
                            counts.getOrDefault(Change.UNCHANGED, 0L).intValue());
                });
    }

    private Uni<List<Upserted>> upsertChunk(List<RosterEntry> entries, Actor actor) {
        List<UUID> ids = entries.stream().map(RosterEntry::mentorId).toList();
        return PeerMentor.<PeerMentor>list("id in ?1", ids).flatMap(existing -> mentors.findOpenPauses(ids)
                .flatMap(openPauses -> apply(entries, byId(existing), openPauses.stream()
                        .collect(Collectors.toMap(p -> p.mentorId, Function.identity())), actor)));
    }

    private record Pending(PeerMentor mentor, MentorStatus previous, Change change, boolean chapterChanged,
            Outcome outcome, PausePeriod openPause) {
    }

    private Uni<List<Upserted>> apply(List<RosterEntry> entries, Map<UUID, PeerMentor> existing,
            Map<UUID, PausePeriod> openPauses, Actor actor) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        List<Pending> pending = new ArrayList<>(entries.size());
        List<PeerMentor> created = new ArrayList<>();
        for (RosterEntry entry : entries) {
            PeerMentor mentor = existing.get(entry.mentorId());
            if (mentor == null) {
                mentor = new PeerMentor();
                mentor.id = entry.mentorId();
                mentor.chapterId = entry.chapterId();
                mentor.certificationValidUntil = entry.certificationValidUntil();
                mentor.status = mentor.certificationValidOn(today) ? MentorStatus.ACTIVE : MentorStatus.EXPIRED_CERT;
                mentor.version = 1L;
                mentor.createdAt = now;
                mentor.updatedAt = now;
                created.add(mentor);
                pending.add(new Pending(mentor, null, Change.CREATED, false, null, null));
                continue;
            }
            pending.add(update(mentor, entry, openPauses.get(mentor.id), today, now));
        }
        // one flush: the version-checked UPDATEs, before the rows that need the new versions
        return Panache.getSession().flatMap(session -> session.flush()
                        .flatMap(ignored -> Multi.createFrom().iterable(created)
                                .onItem().transformToUniAndConcatenate(mentor -> insert(session, mentor))
                                .collect().asList()))
                .flatMap(ignored -> Multi.createFrom().iterable(pending)
                        .onItem().transformToUniAndConcatenate(p -> announce(p, actor, now))
                        .collect().asList());
    }

    /**
     * New mentors start at version 1, and Hibernate treats an entity with an assigned id and a version as
     * detached, so they are inserted directly.
     */
    private static Uni<Integer> insert(Mutiny.Session session, PeerMentor mentor) {
        return session.createNativeQuery("""
                INSERT INTO peer_mentor (id, chapter_id, status, certification_valid_until, version, created_at,
                                         updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, mentor.id).setParameter(2, mentor.chapterId).setParameter(3, mentor.status.name())
                .setParameter(4, mentor.certificationValidUntil).setParameter(5, mentor.version)
                .setParameter(6, mentor.createdAt).setParameter(7, mentor.updatedAt)
                .executeUpdate();
    }

    private static Pending update(PeerMentor mentor, RosterEntry entry, PausePeriod openPause, LocalDate today,
            Instant now) {
        MentorStatus previous = mentor.status;
        boolean chapterChanged = !mentor.chapterId.equals(entry.chapterId());
        boolean dateChanged = !Objects.equals(mentor.certificationValidUntil, entry.certificationValidUntil());
        mentor.chapterId = entry.chapterId();
        mentor.certificationValidUntil = entry.certificationValidUntil();
        Outcome outcome = null;
        if (dateChanged) {
            boolean valid = mentor.certificationValidOn(today);
            if (previous == MentorStatus.EXPIRED_CERT && valid) {
                outcome = StateMachine.decide(mentor.id, Trigger.RENEW, previous, openPause != null, true);
            } else if (previous != MentorStatus.EXPIRED_CERT && !valid) {
                outcome = StateMachine.decide(mentor.id, Trigger.EXPIRE, previous, openPause != null, false);
            }
        }
        if (outcome != null && outcome.changesAnything()) {
            mentor.status = outcome.target();
        } else {
            outcome = null;
        }
        boolean changed = chapterChanged || dateChanged;
        if (changed) {
            mentor.updatedAt = now;
        }
        return new Pending(mentor, previous, changed ? Change.UPDATED : Change.UNCHANGED, chapterChanged, outcome,
                openPause);
    }

    private Uni<Upserted> announce(Pending p, Actor actor, Instant now) {
        PeerMentor mentor = p.mentor();
        Upserted result = new Upserted(p.change(), MentorStatusView.of(mentor, p.openPause()));
        // announced exactly when the flush bumped the version: new mentor, status or chapter changed
        if (p.change() != Change.CREATED && p.outcome() == null && !p.chapterChanged()) {
            return Uni.createFrom().item(result);
        }
        String action = p.change() == Change.CREATED ? "REGISTER"
                : p.outcome() != null ? p.outcome().notification().name() : "ROSTER_UPDATE";
        String reason = switch (action) {
            case "REGISTER" -> "registered";
            case "ROSTER_UPDATE" -> "chapter changed";
            case "CERTIFICATION_RENEWED" -> "certification renewed";
            default -> "certification expired";
        };
        Uni<Void> notify = p.outcome() == null ? Uni.createFrom().voidItem()
                : outbox.add(events.notifyCoordinators(mentor.id, mentor.chapterId, p.outcome().notification(),
                        reason, null, now)).replaceWithVoid();
        return StatusAudit.of(mentor, p.previous(), action, reason, actor, now).persist()
                .flatMap(ignored -> outbox.add(events.statusChanged(MentorEvents.MentorState.of(mentor),
                        p.previous(), reason, actor, now)))
                .flatMap(ignored -> notify)
                .replaceWith(result);
    }

    private static Map<UUID, PeerMentor> byId(List<PeerMentor> mentors) {
        return mentors.stream().collect(Collectors.toMap(m -> m.id, Function.identity()));
    }
}
