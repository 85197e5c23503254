package org.hlf.mentor.sync.alert;

import java.time.Instant;

/** Body of the webhook POST: {@code status} is {@code firing} when an incident opens, {@code resolved} at its end. */
public record AlertMessage(String alert, String status, String service, int consecutiveFailures, String lastError,
        String lastMentorId, Instant incidentStartedAt, Instant at) {
}
