package org.hlf.mentor.sync.dlq;

/** Header names of a {@code website-sync-dlq} record (SmallRye's dead-letter names where they exist). */
public final class DeadLetterHeaders {

    /** {@code poison}, {@code rejected} (not retryable) or {@code exhausted} (retries used up). */
    public static final String REASON = "dead-letter-reason";
    /** The failure in one line: HTTP status, Dataverse error code and message. */
    public static final String CAUSE = "dead-letter-cause";
    public static final String EXCEPTION_CLASS = "dead-letter-exception-class";
    public static final String SOURCE_TOPIC = "dead-letter-topic";
    public static final String SOURCE_PARTITION = "dead-letter-partition";
    public static final String SOURCE_OFFSET = "dead-letter-offset";
    public static final String ATTEMPTS = "dead-letter-attempts";
    /** ISO-8601 instant of the first failed attempt. */
    public static final String FIRST_FAILURE = "dead-letter-first-failure";
    /** HTTP status of the last answer; 0 when none came. */
    public static final String HTTP_STATUS = "dead-letter-http-status";

    private DeadLetterHeaders() {
    }
}
