package org.hlf.mentor.sync.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hlf.mentor.events.MentorStatusChanged;
import org.jboss.logging.Logger;

/** Reads {@code mentor-status-changed} and records what the website should show for each mentor. */
@ApplicationScoped
public class MentorStatusConsumer {

    private static final Logger LOG = Logger.getLogger(MentorStatusConsumer.class);

    private final ObjectMapper mapper;
    private final SyncStateRepository states;

    public MentorStatusConsumer(ObjectMapper mapper, SyncStateRepository states) {
        this.mapper = mapper;
        this.states = states;
    }

    @Incoming("mentor-status-changed")
    public Uni<Void> consume(String payload) {
        MentorStatusChanged event;
        try {
            event = mapper.readValue(payload, MentorStatusChanged.class);
        } catch (JsonProcessingException e) {
            LOG.errorf("unreadable mentor-status-changed record: %s", e.getOriginalMessage());
            return Uni.createFrom().voidItem();
        }
        return states.recordDesired(event).invoke(applied -> {
            if (!applied) {
                LOG.infof("skipped stale event %s of mentor %s (version %d)", event.eventId(), event.mentorId(),
                        event.version());
            }
        }).replaceWithVoid();
    }
}
