package org.hlf.mentor.pause.notification;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hlf.mentor.events.CoordinatorNotification;
import org.hlf.mentor.pause.outbox.MentorEvents;
import org.hlf.mentor.pause.status.MentorWriter;
import org.hlf.mentor.pause.support.NewContext;
import org.jboss.logging.Logger;

/**
 * Reminds the chapter's coordinators once when a paused mentor's expected return date has come, so they can lift
 * the pause: the service never lifts a pause by itself. The reminder is claimed with a conditional update in the
 * transaction that writes the notification, so two replicas never send it twice.
 */
@ApplicationScoped
public class ReturnReminders {

    private static final Logger LOG = Logger.getLogger(ReturnReminders.class);

    private final MentorEvents events;
    private final MentorWriter writer;
    private final NewContext newContext;
    private final Clock clock;

    public ReturnReminders(MentorEvents events, MentorWriter writer, NewContext newContext, Clock clock) {
        this.events = events;
        this.writer = writer;
        this.newContext = newContext;
        this.clock = clock;
    }

    @Scheduled(cron = "${hlf.pause.notifications.reminder-cron}", timeZone = "${hlf.pause.zone:Europe/Oslo}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().invoke(sent -> LOG.infof("sent %d return-date reminders", sent)).replaceWithVoid();
    }

    /** Sends the reminders that are due and answers how many were sent. */
    public Uni<Integer> run() {
        LocalDate today = LocalDate.now(clock);
        return newContext.run(() -> Panache.withSession(() -> Panache.getSession().flatMap(session -> session
                .createNativeQuery("""
                        SELECT p.id, p.mentor_id, m.chapter_id, p.expected_return_date
                          FROM pause_period p JOIN peer_mentor m ON m.id = p.mentor_id
                         WHERE p.ended_at IS NULL AND p.reminder_sent_at IS NULL AND p.expected_return_date <= ?1
                         ORDER BY p.id""", Object[].class)
                .setParameter(1, today).getResultList())))
                .flatMap(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(row -> newContext.run(() -> remind(row)))
                        .collect().asList()
                        .map(sent -> (int) sent.stream().filter(Boolean::booleanValue).count()));
    }

    private Uni<Boolean> remind(Object[] row) {
        long pauseId = ((Number) row[0]).longValue();
        UUID mentorId = (UUID) row[1];
        String chapterId = (String) row[2];
        LocalDate expected = (LocalDate) row[3];
        Instant now = clock.instant();
        var notification = events.notifyCoordinators(mentorId, chapterId,
                CoordinatorNotification.Kind.RETURN_DATE_REMINDER,
                "expected return date " + expected + " reached: lift the pause when the mentor is back", expected, now,
                null);
        return Panache.withTransaction(() -> Panache.getSession()
                .flatMap(session -> writer.remind(session, pauseId, now, notification)));
    }
}
