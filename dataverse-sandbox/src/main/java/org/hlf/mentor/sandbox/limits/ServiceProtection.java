package org.hlf.mentor.sandbox.limits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hlf.mentor.sandbox.SandboxConfig;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Dataverse's service protection limits, kept per OAuth client (Dataverse keeps them per user, and a sync
 * service is one application user). A {@code $batch} is admitted once, so it counts as one request.
 */
@ApplicationScoped
public class ServiceProtection {

    private static final Admission.Ticket NOTHING_TO_RELEASE = () -> { };

    private final LimitSettings configured;
    private final LongSupplier nanoClock;
    private volatile LimitSettings settings;
    private volatile Map<String, ClientUsage> usage = new ConcurrentHashMap<>();

    @Inject
    public ServiceProtection(SandboxConfig config) {
        this(fromConfig(config.limits()), System::nanoTime);
    }

    ServiceProtection(LimitSettings configured, LongSupplier nanoClock) {
        if (!configured.problems().isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", configured.problems()));
        }
        this.configured = configured;
        this.settings = configured;
        this.nanoClock = nanoClock;
    }

    public Admission admit(String clientId) {
        LimitSettings limits = settings;
        if (!limits.enabled()) {
            return new Admission.Admitted(NOTHING_TO_RELEASE);
        }
        ClientUsage client = usage.computeIfAbsent(clientId, id -> new ClientUsage());
        long started = nowMillis();
        return client.admit(started, limits, new OnceTicket(client, started));
    }

    public LimitSettings settings() {
        return settings;
    }

    /** New limits start from a clean slate: usage counted under the old limits is forgotten. */
    public LimitSettings update(LimitsUpdate update) {
        LimitSettings next = settings.with(update);
        settings = next;
        usage = new ConcurrentHashMap<>();
        return next;
    }

    public LimitSettings restoreConfigured() {
        settings = configured;
        usage = new ConcurrentHashMap<>();
        return configured;
    }

    public Map<String, UsageSnapshot> usage() {
        long now = nowMillis();
        LimitSettings limits = settings;
        Map<String, UsageSnapshot> snapshot = new TreeMap<>();
        usage.forEach((client, clientUsage) -> snapshot.put(client, clientUsage.snapshot(now, limits)));
        return snapshot;
    }

    private long nowMillis() {
        return TimeUnit.NANOSECONDS.toMillis(nanoClock.getAsLong());
    }

    private static LimitSettings fromConfig(SandboxConfig.Limits limits) {
        return new LimitSettings(limits.enabled(), limits.requestsPerWindow(), limits.windowSeconds(),
                limits.concurrent(), limits.executionSecondsPerWindow(), limits.retryAfterCapSeconds());
    }

    /** Releasing twice must not free two slots, whichever path (answer, failure, cancel) gets there first. */
    private final class OnceTicket implements Admission.Ticket {

        private final ClientUsage client;
        private final long startedMillis;
        private final AtomicBoolean released = new AtomicBoolean();

        private OnceTicket(ClientUsage client, long startedMillis) {
            this.client = client;
            this.startedMillis = startedMillis;
        }

        @Override
        public void release() {
            if (released.compareAndSet(false, true)) {
                long now = nowMillis();
                client.finish(now, now - startedMillis);
            }
        }
    }
}
