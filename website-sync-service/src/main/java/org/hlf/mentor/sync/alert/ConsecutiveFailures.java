package org.hlf.mentor.sync.alert;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gauge {@code website_sync_consecutive_failures}: failed portal writes of this replica since its last success. A
 * quick look for a dashboard; alerting decides from the failure ratio of all replicas ({@link AlertEvaluator}).
 */
@ApplicationScoped
public class ConsecutiveFailures {

    private final AtomicInteger consecutive = new AtomicInteger();

    public ConsecutiveFailures(MeterRegistry registry) {
        Gauge.builder("website.sync.consecutive.failures", consecutive, AtomicInteger::get)
                .description("Failed syncs of this replica since its last success").register(registry);
    }

    public void failure() {
        consecutive.incrementAndGet();
    }

    public void success() {
        consecutive.set(0);
    }

    public int count() {
        return consecutive.get();
    }
}
