package org.hlf.mentor.sandbox.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One fault rule as an operator writes it. What happens: {@code status}, {@code latencyMs},
 * {@code resetConnection}, {@code hold} (wait at a gate until released or {@code holdMaxMs} passes). When: the
 * next {@code count} calls, a share of calls ({@code failureRate}), or every call for {@code outageSeconds}.
 * Where: data calls, token calls too with {@code includeToken}, only one mentor's calls with {@code mentorId},
 * only calls of one HTTP {@code method}.
 */
public record FaultSpec(
        Integer status,
        Integer count,
        Long latencyMs,
        Boolean resetConnection,
        Double failureRate,
        Long outageSeconds,
        Boolean includeToken,
        UUID mentorId,
        Integer retryAfterSeconds,
        Boolean hold,
        Long holdMaxMs,
        String method) {

    static final long MAX_LATENCY_MS = 600_000;
    static final long MAX_OUTAGE_SECONDS = 86_400;
    static final long MAX_HOLD_MS = 600_000;
    static final long DEFAULT_HOLD_MS = 30_000;
    private static final Pattern METHOD = Pattern.compile("[A-Za-z]{1,16}");

    public boolean resets() {
        return Boolean.TRUE.equals(resetConnection);
    }

    public boolean coversToken() {
        return Boolean.TRUE.equals(includeToken);
    }

    public boolean holds() {
        return Boolean.TRUE.equals(hold);
    }

    public long holdMaxMsOrDefault() {
        return holdMaxMs == null ? DEFAULT_HOLD_MS : holdMaxMs;
    }

    /** A rule without a method matches every method; HTTP methods are case-sensitive, operators' typing is not. */
    public boolean coversMethod(String callMethod) {
        return method == null || method.toUpperCase(Locale.ROOT).equals(callMethod);
    }

    /** @return what is wrong with the rule, empty when it can be applied */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (status == null && latencyMs == null && !resets() && failureRate == null && outageSeconds == null
                && !holds()) {
            problems.add("say what should happen: status, latencyMs, resetConnection, failureRate, outageSeconds or hold");
        }
        if (status != null && (status < 400 || status > 599)) {
            problems.add("status must be an HTTP error status between 400 and 599");
        }
        if (status != null && resets()) {
            problems.add("a dropped connection has no status: use either status or resetConnection");
        }
        if (count != null && count < 1) {
            problems.add("count must be at least 1");
        }
        if (latencyMs != null && (latencyMs < 1 || latencyMs > MAX_LATENCY_MS)) {
            problems.add("latencyMs must be between 1 and " + MAX_LATENCY_MS);
        }
        if (failureRate != null && (failureRate < 0.0 || failureRate > 1.0)) {
            problems.add("failureRate must be between 0 and 1");
        }
        if (outageSeconds != null && (outageSeconds < 1 || outageSeconds > MAX_OUTAGE_SECONDS)) {
            problems.add("outageSeconds must be between 1 and " + MAX_OUTAGE_SECONDS);
        }
        if (retryAfterSeconds != null && retryAfterSeconds < 0) {
            problems.add("retryAfterSeconds must not be negative");
        }
        if (mentorId != null && coversToken()) {
            problems.add("a token call has no mentor: mentorId and includeToken exclude each other");
        }
        if (holdMaxMs != null && !holds()) {
            problems.add("holdMaxMs only applies to a rule with \"hold\": true");
        }
        if (holdMaxMs != null && (holdMaxMs < 1 || holdMaxMs > MAX_HOLD_MS)) {
            problems.add("holdMaxMs must be between 1 and " + MAX_HOLD_MS);
        }
        if (method != null && !METHOD.matcher(method).matches()) {
            problems.add("method must be an HTTP method such as GET, PATCH or POST");
        }
        return problems;
    }
}
