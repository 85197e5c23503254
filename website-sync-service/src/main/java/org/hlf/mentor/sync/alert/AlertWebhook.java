package org.hlf.mentor.sync.alert;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.hlf.mentor.sync.config.SyncConfig;
import org.jboss.logging.Logger;

/** Posts alert messages to the configured webhook, a few tries each; an unreachable hook never blocks syncing. */
@ApplicationScoped
public class AlertWebhook {

    private static final Logger LOG = Logger.getLogger(AlertWebhook.class);

    private final Optional<AlertWebhookApi> api;

    public AlertWebhook(SyncConfig config) {
        this.api = config.alert().webhookUrl().filter(url -> !url.isBlank())
                .map(url -> QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(url))
                        .connectTimeout(5, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS)
                        .build(AlertWebhookApi.class));
    }

    public void send(AlertMessage message) {
        api.ifPresent(hook -> Uni.createFrom().deferred(() -> hook.post(message))
                .onItem().transformToUni(response -> response.getStatus() < 300 ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(new IllegalStateException("webhook answered " + response.getStatus())))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(3)
                .subscribe().with(ok -> { }, failure -> LOG.warnf("alert webhook failed for '%s' alert: %s",
                        message.status(), failure.getMessage())));
    }
}
