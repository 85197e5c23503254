package org.hlf.mentor.sync.alert;

import java.time.Instant;

/**
 * Body of the webhook POST: {@code status} is {@code firing} when an incident opens, {@code resolved} at its end; the
 * counts are those of the alert window at that moment.
 */
public record AlertMessage(String alert, String status, String service, long failures, long rejections, long writes,
        String detail, Instant incidentStartedAt, Instant at) {
}
