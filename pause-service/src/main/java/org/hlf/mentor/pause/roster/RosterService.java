package org.hlf.mentor.pause.roster;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
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
import org.hlf.mentor.pause.outbox.MentorEvents;
import org.hlf.mentor.pause.security.Actor;
import org.hlf.mentor.pause.status.MentorStatusView;
import org.hlf.mentor.pause.status.MentorTransitions;
import org.hlf.mentor.pause.status.MentorWriter;
import org.hlf.mentor.pause.status.PeerMentor;
import org.hlf.mentor.pause.status.StatusService;

/**
 * Registers and updates roster entries, as triggers of the one writer: a new mentor starts ACTIVE when certified
 * today, else EXPIRED_CERT, and is announced with {@code previousStatus = null}; an edit of an existing mentor is a
 * {@code ROSTER} transition (a new chapter is announced, a date that changes validity expires or renews).
 */
@ApplicationScoped
public class RosterService {

    /** Mentors per chunk of an import: one query for what exists, one transaction for the new ones. */
    static final int CHUNK = 250;

    private final MentorTransitions transitions;
    private final MentorWriter writer;
    private final MentorEvents events;
    private final Clock clock;

    public RosterService(MentorTransitions transitions, MentorWriter writer, MentorEvents events, Clock clock) {
        this.transitions = transitions;
        this.writer = writer;
        this.events = events;
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
        return chunk(List.of(entry), actor).map(results -> results.get(0));
    }

    /** Each chunk, and each edit of an existing mentor, commits on its own; re-running an import changes nothing. */
    public Uni<ImportResult> importAll(List<RosterEntry> entries, Actor actor) {
        List<List<RosterEntry>> chunks = new ArrayList<>();
        for (int i = 0; i < entries.size(); i += CHUNK) {
            chunks.add(entries.subList(i, Math.min(entries.size(), i + CHUNK)));
        }
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(chunk -> chunk(chunk, actor))
                .collect().asList()
                .map(all -> {
                    Map<Change, Long> counts = all.stream().flatMap(List::stream)
                            .collect(Collectors.groupingBy(Upserted::change, Collectors.counting()));
                    return new ImportResult(entries.size(), counts.getOrDefault(Change.CREATED, 0L).intValue(),
                            counts.getOrDefault(Change.UPDATED, 0L).intValue(),
                            counts.getOrDefault(Change.UNCHANGED, 0L).intValue());
                });
    }

    private Uni<List<Upserted>> chunk(List<RosterEntry> entries, Actor actor) {
        List<UUID> ids = entries.stream().map(RosterEntry::mentorId).toList();
        return Panache.withSession(() -> PeerMentor.<PeerMentor>list("id in ?1", ids))
                .map(found -> found.stream().collect(Collectors.toMap(m -> m.id, Function.identity())))
                .flatMap(existing -> register(entries, existing, actor)
                        .flatMap(created -> Multi.createFrom().iterable(entries)
                                .onItem().transformToUniAndConcatenate(entry -> created.containsKey(entry.mentorId())
                                        ? Uni.createFrom().item(created.get(entry.mentorId()))
                                        : edit(entry, existing.get(entry.mentorId()), actor))
                                .collect().asList()));
    }

    /** The chunk's new mentors in one transaction; a mentor registered meanwhile is left to {@link #edit}. */
    private Uni<Map<UUID, Upserted>> register(List<RosterEntry> entries, Map<UUID, PeerMentor> existing,
            Actor actor) {
        List<RosterEntry> fresh = entries.stream().filter(e -> !existing.containsKey(e.mentorId())).toList();
        if (fresh.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> Multi.createFrom()
                .iterable(fresh)
                .onItem().transformToUniAndConcatenate(entry -> {
                    MentorStatus status = PeerMentor.validOn(entry.certificationValidUntil(), today)
                            ? MentorStatus.ACTIVE : MentorStatus.EXPIRED_CERT;
                    var state = new MentorEvents.MentorState(entry.mentorId(), entry.chapterId(), status, 1L,
                            entry.certificationValidUntil());
                    var registration = new MentorWriter.Registration(entry.mentorId(), entry.chapterId(), status,
                            entry.certificationValidUntil(), now, actor,
                            events.statusChanged(state, null, "registered", actor, now));
                    return writer.register(session, registration).map(created -> created ? new Upserted(
                            Change.CREATED, new MentorStatusView(entry.mentorId(), entry.chapterId(), status,
                                    entry.certificationValidUntil(), 1L, now, null)) : null);
                })
                .collect().asList()))
                .map(results -> results.stream().filter(Objects::nonNull)
                        .collect(Collectors.toMap(u -> u.mentor().mentorId(), Function.identity())));
    }

    /** An existing mentor: a ROSTER transition when the chapter or the date differ, retried on a lost race. */
    private Uni<Upserted> edit(RosterEntry entry, PeerMentor known, Actor actor) {
        if (known != null && known.chapterId.equals(entry.chapterId())
                && Objects.equals(known.certificationValidUntil, entry.certificationValidUntil())) {
            return Uni.createFrom().item(new Upserted(Change.UNCHANGED, MentorStatusView.of(known, null)));
        }
        var request = MentorTransitions.Request.roster(entry.chapterId(), entry.certificationValidUntil());
        return Uni.createFrom().deferred(() -> transitions.apply(entry.mentorId(), request, actor))
                .onFailure(StatusService::lostRace).retry().withBackOff(Duration.ofMillis(10)).atMost(3)
                .map(applied -> new Upserted(applied.wrote() ? Change.UPDATED : Change.UNCHANGED, applied.view()));
    }
}
