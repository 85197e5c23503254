package org.hlf.mentor.testsupport;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the sandbox's request log ({@code GET /sandbox/requests}).
 *
 * @param requestId  shared by a {@code $batch} and its operations
 * @param mentorId   the mentor the call addressed, null for token calls, batches and collection reads
 * @param status     the HTTP status answered, 0 when the connection was dropped
 * @param visibility the visibility written, null when nothing was written
 * @param note       why the call ended unusually (injected fault, hold, throttling), null otherwise
 */
public record SandboxRequest(long seq, Instant time, String requestId, String clientId, String method, String path,
                             UUID mentorId, int status, Boolean visibility, String note) {
}
