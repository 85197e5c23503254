package org.hlf.mentor.support.dlq;

/**
 * The header names of a dead letter, one vocabulary for every dead-letter topic of the system. Where SmallRye
 * Reactive Messaging's Kafka dead-letter queue has a name (its {@code KafkaDeadLetterQueue} constants), it is used,
 * so tooling and people read our letters and SmallRye's the same way; the rest are ours, in the same style. Values
 * are UTF-8 text. Which headers a letter carries, and what exactly a reason says, is each topic's own contract.
 */
public final class DeadLetterHeaders {

    /** SmallRye's: why the record was dead-lettered. */
    public static final String REASON = "dead-letter-reason";
    /** SmallRye's: the failure behind the reason, in one line. */
    public static final String CAUSE = "dead-letter-cause";
    /** SmallRye's: the class name of the failure. */
    public static final String EXCEPTION_CLASS_NAME = "dead-letter-exception-class-name";
    /** SmallRye's: the class name of the failure's cause (neither service writes it today). */
    public static final String CAUSE_CLASS_NAME = "dead-letter-cause-class-name";
    /** SmallRye's: the topic the record was read from. */
    public static final String SOURCE_TOPIC = "dead-letter-topic";
    /** SmallRye's: its partition there. */
    public static final String SOURCE_PARTITION = "dead-letter-partition";
    /** SmallRye's: its offset there. */
    public static final String SOURCE_OFFSET = "dead-letter-offset";

    /** Ours: how many attempts were made before giving up. */
    public static final String ATTEMPTS = "dead-letter-attempts";
    /** Ours: ISO-8601 instant of the first failed attempt. */
    public static final String FIRST_FAILURE = "dead-letter-first-failure";
    /** Ours: ISO-8601 instant at which the record was dead-lettered. */
    public static final String FAILED_AT = "dead-letter-failed-at";
    /** Ours: HTTP status of the last answer of a remote call; 0 when none came. */
    public static final String HTTP_STATUS = "dead-letter-http-status";

    private DeadLetterHeaders() {
    }
}
