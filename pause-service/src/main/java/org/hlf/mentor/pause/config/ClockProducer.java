package org.hlf.mentor.pause.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** One clock for "now" and "today", in the configured zone. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock(PauseConfig config) {
        return Clock.system(config.zone());
    }
}
