package org.hlf.mentor.pause.outbox;

/**
 * The relay's two independent paths to the broker, split by topic. A send to a topic the broker does not know blocks
 * its producer's single sending thread for {@code max.block.ms}; rows of topics that have a failing row therefore
 * go through a producer and a relay loop of their own, so the everyday rows never queue behind them.
 */
public enum Lane {

    /** Rows of topics without a failing row. */
    REGULAR("<> ALL"),

    /** Rows of topics with at least one failing row (the failing rows included). */
    QUARANTINE("= ANY");

    /** The topics of the claim's failing rows ({@code failing}, read once per claim by {@link OutboxRelay}). */
    private static final String FAILING_TOPICS = "(ARRAY(SELECT f.topic FROM failing f))";

    private final String topicTest;

    Lane(String topicTest) {
        this.topicTest = topicTest;
    }

    /** The SQL condition that selects this lane's rows of {@code outbox o}, given the claim's {@code failing} rows. */
    String topicCondition() {
        return "o.topic " + topicTest + " " + FAILING_TOPICS;
    }
}
