package org.hlf.mentor.pause.outbox;

import java.time.Duration;

/**
 * How long a failing row waits before its next send: {@code initial}, doubled with every further failure, at most
 * {@code max}. A missing topic is usually fixed by a person, so the waits grow quickly to minutes instead of sending
 * (and blocking a producer thread for {@code max.block.ms}) every second.
 */
record Backoff(Duration initial, Duration max) {

    /** The wait after the {@code attempts}-th failed send (1 for the first failure). */
    Duration after(int attempts) {
        Duration wait = initial;
        for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) < 0 ? wait : max;
    }
}
