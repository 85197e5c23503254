package org.hlf.mentor.events;

import java.util.List;

/** Kafka topic names of the HLF mentor status system. Every record is keyed by the mentor id. */
public final class Topics {

    public static final String MENTOR_STATUS_CHANGED = "mentor-status-changed";
    public static final String COORDINATOR_NOTIFICATIONS = "coordinator-notifications";
    public static final String CERTIFICATION_EVENTS = "certification-events";
    public static final String CERTIFICATION_EVENTS_DLQ = "certification-events-dlq";
    public static final String WEBSITE_SYNC_DLQ = "website-sync-dlq";
    public static final String MENTOR_COMMITMENTS = "mentor-commitments";
    public static final String MENTOR_COMMITMENTS_DLQ = "mentor-commitments-dlq";

    /** Every topic of the system: what a deployment must create (brokers here never create topics on first use). */
    public static final List<String> ALL = List.of(MENTOR_STATUS_CHANGED, COORDINATOR_NOTIFICATIONS,
            CERTIFICATION_EVENTS, CERTIFICATION_EVENTS_DLQ, WEBSITE_SYNC_DLQ, MENTOR_COMMITMENTS, MENTOR_COMMITMENTS_DLQ);

    private Topics() {
    }
}
