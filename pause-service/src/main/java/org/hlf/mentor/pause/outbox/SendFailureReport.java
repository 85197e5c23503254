package org.hlf.mentor.pause.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Tells operators about failed sends: the counter {@code hlf_outbox_send_failures_total{topic}} for every one, an
 * ERROR line for a row's first failure and WARN lines after 2, 4, 8, ... attempts. A row that fails for days thus
 * writes a few dozen lines, not one per round; the gauge and the health check say that it is still failing.
 */
@ApplicationScoped
class SendFailureReport {

    /** The relay's category: everything about delivery in one place. */
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final MeterRegistry registry;

    SendFailureReport(MeterRegistry registry) {
        this.registry = registry;
    }

    void report(List<SendFailure> failures, Backoff backoff) {
        for (SendFailure failure : failures) {
            PendingRow row = failure.row();
            Counter.builder("hlf.outbox.send.failures")
                    .description("Outbox rows the broker did not acknowledge (each failed send of a row counts)")
                    .tag("topic", row.topic()).register(registry).increment();
            int attempts = failure.attempts();
            if (attempts == 1) {
                LOG.errorf("outbox row %d (topic %s, mentor %s, event %s) could not be sent: %s; next attempt in %s",
                        row.id(), row.topic(), row.mentorId(), row.eventId(), failure.error(), backoff.after(attempts));
            } else if (worthLogging(attempts)) {
                LOG.warnf("outbox row %d (topic %s, mentor %s) not sent after %d attempts: %s; next attempt in %s",
                        row.id(), row.topic(), row.mentorId(), attempts, failure.error(), backoff.after(attempts));
            }
        }
    }

    /** Attempts 1, 2, 4, 8, ...: the log thins out as the backoff grows. */
    static boolean worthLogging(int attempts) {
        return attempts > 0 && Integer.bitCount(attempts) == 1;
    }
}
