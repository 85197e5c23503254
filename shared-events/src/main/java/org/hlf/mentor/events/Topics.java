package org.hlf.mentor.events;

/** Kafka topic names of the HLF mentor status system. Every record is keyed by the mentor id. */
public final class Topics {

    public static final String MENTOR_STATUS_CHANGED = "mentor-status-changed";
    public static final String COORDINATOR_NOTIFICATIONS = "coordinator-notifications";
    public static final String CERTIFICATION_EVENTS = "certification-events";
    public static final String CERTIFICATION_EVENTS_DLQ = "certification-events-dlq";
    public static final String WEBSITE_SYNC_DLQ = "website-sync-dlq";

    private Topics() {
    }
}
