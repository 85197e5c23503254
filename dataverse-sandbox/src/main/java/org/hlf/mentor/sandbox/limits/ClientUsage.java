package org.hlf.mentor.sandbox.limits;

import org.hlf.mentor.sandbox.odata.ODataErrors;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * One client's recent activity: start times of the requests in the sliding window, the execution times
 * booked in it, and the requests still running. Refused requests are not recorded, otherwise a client
 * that keeps probing could never get out of the penalty box.
 */
final class ClientUsage {

    private final ArrayDeque<Long> starts = new ArrayDeque<>();
    /** {end millis, duration millis} of finished requests, oldest first */
    private final ArrayDeque<long[]> executions = new ArrayDeque<>();
    private long executionMillis;
    private int inFlight;

    synchronized Admission admit(long now, LimitSettings limits, Admission.Ticket ticket) {
        forgetBefore(now - limits.windowMillis());
        if (starts.size() >= limits.requestsPerWindow()) {
            long wait = starts.peekFirst() + limits.windowMillis() - now;
            return refused(ODataErrors.TOO_MANY_REQUESTS,
                    "Number of requests exceeded the limit of %d over time window of %d seconds."
                            .formatted(limits.requestsPerWindow(), limits.windowSeconds()), wait, limits);
        }
        if (executionMillis >= limits.executionMillisPerWindow()) {
            return refused(ODataErrors.EXECUTION_TIME_EXCEEDED,
                    ("Combined execution time of incoming requests exceeded limit of %d milliseconds over time "
                            + "window of %d seconds. Decrease number of concurrent requests or reduce the duration "
                            + "of requests and try again later.")
                            .formatted(limits.executionMillisPerWindow(), limits.windowSeconds()),
                    millisUntilExecutionBelowLimit(now, limits), limits);
        }
        if (inFlight >= limits.concurrent()) {
            // a slot frees up as soon as any running request ends; Dataverse asks for a short pause too
            return refused(ODataErrors.TOO_MANY_CONCURRENT_REQUESTS,
                    "Number of concurrent requests exceeded the limit of %d.".formatted(limits.concurrent()),
                    1000, limits);
        }
        starts.addLast(now);
        inFlight++;
        return new Admission.Admitted(ticket);
    }

    synchronized void finish(long now, long durationMillis) {
        inFlight--;
        executions.addLast(new long[] {now, durationMillis});
        executionMillis += durationMillis;
    }

    synchronized UsageSnapshot snapshot(long now, LimitSettings limits) {
        forgetBefore(now - limits.windowMillis());
        return new UsageSnapshot(starts.size(), executionMillis, inFlight);
    }

    private void forgetBefore(long windowStart) {
        while (!starts.isEmpty() && starts.peekFirst() <= windowStart) {
            starts.pollFirst();
        }
        while (!executions.isEmpty() && executions.peekFirst()[0] <= windowStart) {
            executionMillis -= executions.pollFirst()[1];
        }
    }

    private long millisUntilExecutionBelowLimit(long now, LimitSettings limits) {
        long left = executionMillis;
        Iterator<long[]> oldestFirst = executions.iterator();
        while (oldestFirst.hasNext()) {
            long[] execution = oldestFirst.next();
            left -= execution[1];
            if (left < limits.executionMillisPerWindow()) {
                return execution[0] + limits.windowMillis() - now;
            }
        }
        return limits.windowMillis();
    }

    private static Admission.Refused refused(String code, String message, long waitMillis, LimitSettings limits) {
        long seconds = Math.max(1, (waitMillis + 999) / 1000);
        return new Admission.Refused(code, message, (int) Math.min(seconds, limits.retryAfterCapSeconds()));
    }
}
