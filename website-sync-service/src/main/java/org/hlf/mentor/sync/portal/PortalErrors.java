package org.hlf.mentor.sync.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Turns a non-2xx Dataverse answer (OData error body, Retry-After) into the matching {@link PortalException}. */
final class PortalErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PortalErrors() {
    }

    static PortalException of(int status, String body, String retryAfter) {
        String code = null;
        String message = null;
        if (body != null && !body.isBlank()) {
            try {
                JsonNode error = JSON.readTree(body).path("error");
                code = error.path("code").isTextual() ? error.path("code").asText() : null;
                message = error.path("message").isTextual() ? error.path("message").asText() : null;
            } catch (Exception notJson) {
                // gateways in front of Dataverse answer HTML; keep the start of it, it is all there is
                message = body.length() > 200 ? body.substring(0, 200) : body;
            }
        }
        if (message == null) {
            message = "no error details";
        }
        if (status == 429 || status >= 500) {
            return new PortalUnavailable(status, code, message, retryAfter(retryAfter), null);
        }
        if (status == 401) {
            return new PortalUnauthorized(code, message);
        }
        return new PortalRejected(status, code, message);
    }

    /** Retry-After is delta-seconds or an HTTP date (RFC 9110); anything else is ignored. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (RuntimeException notDate) {
                return null;
            }
        }
    }
}
