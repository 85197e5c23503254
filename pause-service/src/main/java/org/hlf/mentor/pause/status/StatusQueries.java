package org.hlf.mentor.pause.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.pause.audit.StatusAudit;
import org.hlf.mentor.pause.security.Actor;

/** Read side of the coordinator API. */
@ApplicationScoped
public class StatusQueries {

    private static final int HISTORY_LIMIT = 500;

    private final MentorRepository mentors;
    private final ObjectMapper json;

    public StatusQueries(MentorRepository mentors, ObjectMapper json) {
        this.mentors = mentors;
        this.json = json;
    }

    @WithSession
    public Uni<HistoryView> history(UUID mentorId, Actor actor) {
        return mentors.findWithOpenPause(mentorId, actor).flatMap(found -> PausePeriod
                .<PausePeriod>find("mentorId = ?1 order by startedAt desc, id desc", mentorId)
                .range(0, HISTORY_LIMIT - 1).list()
                .flatMap(pauses -> StatusAudit.<StatusAudit>find("mentorId = ?1 order by id desc", mentorId)
                        .range(0, HISTORY_LIMIT - 1).list()
                        .map(audits -> new HistoryView(mentorId,
                                pauses.stream().map(HistoryView.PausePeriodView::of).toList(),
                                audits.stream().map(a -> HistoryView.TransitionView.of(a, json)).toList()))));
    }

    /**
     * Keyset paging by mentor id. {@code chapters} is the chapter filter already narrowed to what the actor may
     * see (null: all chapters).
     */
    @WithSession
    public Uni<PausedPage> paused(Set<String> chapters, UUID after, int limit) {
        StringBuilder query = new StringBuilder("status = :status");
        Parameters params = Parameters.with("status", MentorStatus.PAUSED);
        if (chapters != null) {
            query.append(" and chapterId in :chapters");
            params.and("chapters", chapters);
        }
        if (after != null) {
            query.append(" and id > :after");
            params.and("after", after);
        }
        query.append(" order by id");
        return PeerMentor.<PeerMentor>find(query.toString(), params).range(0, limit).list()
                .flatMap(found -> {
                    boolean more = found.size() > limit;
                    List<PeerMentor> page = more ? found.subList(0, limit) : found;
                    return mentors.findOpenPauses(page.stream().map(m -> m.id).toList()).map(pauses -> {
                        Map<UUID, PausePeriod> byMentor = pauses.stream()
                                .collect(Collectors.toMap(p -> p.mentorId, Function.identity()));
                        List<MentorStatusView> items = page.stream()
                                .map(m -> MentorStatusView.of(m, byMentor.get(m.id))).toList();
                        String next = more ? page.get(page.size() - 1).id.toString() : null;
                        return new PausedPage(items, next);
                    });
                });
    }
}
