package org.hlf.mentor.sandbox.requestlog;

import java.time.Instant;

/**
 * One call as the sandbox saw it. Parts of a {@code $batch} share the {@code requestId} of their envelope.
 *
 * @param receivedAt when the call arrived (a $batch part: its envelope's); with {@code time}, when it answered, it
 *                   tells whether two writes to one contact were in flight at once
 * @param status     HTTP status answered, 0 when the connection was dropped without an answer
 * @param visibility the visibility value written to the contact; null when nothing was written
 * @param note       why the call ended unusually (injected fault, throttling, rollback); null otherwise
 */
public record RequestLogEntry(
        long seq,
        Instant receivedAt,
        Instant time,
        String requestId,
        String clientId,
        String method,
        String path,
        String mentorId,
        int status,
        Boolean visibility,
        String note) {
}
