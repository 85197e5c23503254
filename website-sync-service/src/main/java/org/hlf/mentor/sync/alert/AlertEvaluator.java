package org.hlf.mentor.sync.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.hlf.mentor.sync.config.SyncConfig;
import org.jboss.logging.Logger;

/**
 * Evaluates the alerts on a period over the last window of portal writes of all replicas ({@link AlertRules}). An
 * incident that opens or ends logs one line with the stable marker {@value #MARKER} (ERROR when it opens), posts
 * once to the webhook, and counts {@code website_sync_alerts_total{alert}}; gauges
 * {@code website_sync_failure_ratio} and {@code website_sync_incident{alert}} show the state.
 */
@ApplicationScoped
public class AlertEvaluator {

    public static final String MARKER = "HLF-ALERT website-sync";
    private static final Logger LOG = Logger.getLogger(AlertEvaluator.class);

    private final Incidents incidents;
    private final AlertWebhook webhook;
    private final SyncConfig.Alert config;
    private final MeterRegistry registry;
    private final AtomicLong ratioPermille = new AtomicLong();
    private final Map<String, AtomicLong> firing = new ConcurrentHashMap<>();

    public AlertEvaluator(Incidents incidents, AlertWebhook webhook, SyncConfig config, MeterRegistry registry) {
        this.incidents = incidents;
        this.webhook = webhook;
        this.config = config.alert();
        this.registry = registry;
        Gauge.builder("website.sync.failure.ratio", ratioPermille, r -> r.get() / 1000.0)
                .description("Failed share of all replicas' portal writes in the alert window").register(registry);
        for (String alert : new String[] {AlertRules.FAILING, AlertRules.REJECTED}) {
            AtomicLong state = new AtomicLong();
            firing.put(alert, state);
            Gauge.builder("website.sync.incident", state, AtomicLong::get).tag("alert", alert)
                    .description("1 while the alert's incident is open").register(registry);
        }
    }

    @Scheduled(every = "${hlf.sync.alert.evaluate-every:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> evaluate() {
        return incidents.stats(config.window()).chain(stats -> incidents.firing().chain(states -> {
            ratioPermille.set(Math.round(stats.failureRatio() * 1000));
            Uni<Void> failing = decide(AlertRules.FAILING, states, AlertRules.failingFires(stats, config),
                    AlertRules.failingResolves(stats, config), stats, "%d of %d portal writes failed in the last %s"
                            .formatted(stats.failures(), stats.writes(), config.window()));
            Uni<Void> rejected = decide(AlertRules.REJECTED, states, AlertRules.rejectedFires(stats, config),
                    AlertRules.rejectedResolves(stats), stats, "%d portal writes refused for good (4xx) in the last %s"
                            .formatted(stats.rejections(), config.window()));
            return failing.chain(() -> rejected);
        })).onFailure().recoverWithItem(failure -> {
            LOG.warnf("alert evaluation failed: %s", failure.getMessage());
            return null;
        });
    }

    private Uni<Void> decide(String alert, Map<String, Boolean> states, boolean fires, boolean resolves,
            WindowStats stats, String detail) {
        boolean open = states.getOrDefault(alert, false);
        firing.get(alert).set(open ? 1 : 0);
        if (!open && fires) {
            return incidents.fire(alert, detail).invoke(started -> {
                if (started != null) {
                    firing.get(alert).set(1);
                    Counter.builder("website.sync.alerts").tag("alert", alert).description("Incidents opened")
                            .register(registry).increment();
                    LOG.errorf("%s FIRING %s: %s", MARKER, alert, detail);
                    webhook.send(new AlertMessage(alert, "firing", "website-sync-service", stats.failures(),
                            stats.rejections(), stats.writes(), detail, started, Instant.now()));
                }
            }).replaceWithVoid();
        }
        if (open && resolves) {
            return incidents.resolve(alert).invoke(started -> {
                if (started != null) {
                    firing.get(alert).set(0);
                    LOG.infof("%s RESOLVED %s: %s", MARKER, alert, detail);
                    webhook.send(new AlertMessage(alert, "resolved", "website-sync-service", stats.failures(),
                            stats.rejections(), stats.writes(), detail, started, Instant.now()));
                }
            }).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }
}
