package org.hlf.mentor.pause.outbox;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.hlf.mentor.pause.config.PauseConfig;

/**
 * DOWN while some outbox row has been failing for longer than {@code hlf.pause.outbox.undeliverable-after}, with the
 * longest failing row's topic, age and error. A wellness check: shown on {@code /q/health} for people and monitors,
 * but neither liveness nor readiness, because restarting or unrouting the pod does not create a missing topic.
 */
@Wellness
@ApplicationScoped
public class OutboxDeliveryCheck implements AsyncHealthCheck {

    static final String NAME = "outbox-delivery";

    private final UndeliverableRows rows;
    private final Duration bound;

    public OutboxDeliveryCheck(UndeliverableRows rows, PauseConfig config) {
        this.rows = rows;
        this.bound = config.outbox().undeliverableAfter();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return rows.read().map(snapshot -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                    .withData("undeliverableRows", snapshot.rows())
                    .withData("failingLongerThan", bound.toString());
            if (snapshot.oldest().isEmpty()) {
                return response.up().build();
            }
            var oldest = snapshot.oldest().get();
            response.withData("topic", oldest.topic())
                    .withData("rowId", oldest.id())
                    .withData("mentorId", oldest.mentorId().toString())
                    .withData("attempts", oldest.attempts())
                    .withData("failingSince", oldest.failingSince().toString())
                    .withData("failingForSeconds", oldest.failingFor().toSeconds())
                    .withData("lastError", oldest.lastError());
            return response.status(oldest.failingFor().compareTo(bound) <= 0).build();
        });
    }
}
