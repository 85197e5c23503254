package org.hlf.mentor.sync.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.hlf.mentor.sync.config.SyncConfig;
import org.jboss.logging.Logger;

/**
 * Opens an incident after N consecutive failed syncs and closes it at the next success: one ERROR line with the
 * stable marker {@value #MARKER}, one webhook POST each way, gauge {@code website_sync_consecutive_failures},
 * counter {@code website_sync_alerts_total}. Counts are per replica, as the alert is about this replica's portal path.
 */
@ApplicationScoped
public class FailureAlerts {

    public static final String MARKER = "HLF-ALERT website-sync";
    private static final Logger LOG = Logger.getLogger(FailureAlerts.class);

    private final int threshold;
    private final AlertWebhook webhook;
    private final Counter alerts;
    private int consecutive;
    private Instant incidentStart;

    public FailureAlerts(SyncConfig config, AlertWebhook webhook, MeterRegistry registry) {
        this.threshold = config.alert().threshold();
        this.webhook = webhook;
        this.alerts = Counter.builder("website.sync.alerts").description("Incidents opened").register(registry);
        Gauge.builder("website.sync.consecutive.failures", this, FailureAlerts::consecutiveFailures)
                .description("Failed syncs since the last success").register(registry);
    }

    public synchronized void failure(UUID mentorId, String detail) {
        consecutive++;
        if (consecutive == threshold && incidentStart == null) {
            incidentStart = Instant.now();
            alerts.increment();
            LOG.errorf("%s FIRING: %d consecutive failed syncs; last: mentor %s: %s", MARKER, consecutive, mentorId,
                    detail);
            webhook.send(new AlertMessage("WebsiteSyncFailing", "firing", "website-sync-service", consecutive, detail,
                    String.valueOf(mentorId), incidentStart, Instant.now()));
        }
    }

    public synchronized void success() {
        if (incidentStart != null) {
            LOG.infof("%s RESOLVED: sync succeeds again after %d consecutive failures", MARKER, consecutive);
            webhook.send(new AlertMessage("WebsiteSyncFailing", "resolved", "website-sync-service", consecutive, null,
                    null, incidentStart, Instant.now()));
            incidentStart = null;
        }
        consecutive = 0;
    }

    public synchronized int consecutiveFailures() {
        return consecutive;
    }
}
