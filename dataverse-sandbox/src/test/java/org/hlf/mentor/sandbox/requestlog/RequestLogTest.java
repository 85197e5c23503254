package org.hlf.mentor.sandbox.requestlog;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RequestLogTest {

    @Test
    void keepsOnlyTheNewestEntriesWhenFull() {
        RequestLog log = new RequestLog(3, Clock.systemUTC());

        for (int i = 1; i <= 5; i++) {
            log.record("r" + i, "c", "PATCH", "/p" + i, UUID.randomUUID(), 204, false, null);
        }

        assertThat(log.find(entry -> true)).extracting(RequestLogEntry::path).containsExactly("/p3", "/p4", "/p5");
        assertThat(log.find(entry -> true)).extracting(RequestLogEntry::seq).containsExactly(3L, 4L, 5L);
    }

    @Test
    void keepsWhenASlowCallArrivedBesideWhenItWasAnswered() {
        Instant answered = Instant.parse("2026-11-29T10:00:05Z");
        RequestLog log = new RequestLog(10, Clock.fixed(answered, ZoneOffset.UTC));
        Instant arrived = answered.minusSeconds(4);

        log.record(arrived, "slow", "c", "PATCH", "/p", UUID.randomUUID(), 204, true, null);
        log.record("quick", "c", "GET", "/q", null, 200, null, null);

        assertThat(log.find(entry -> true)).extracting(RequestLogEntry::receivedAt, RequestLogEntry::time)
                .containsExactly(tuple(arrived, answered), tuple(answered, answered));
    }
}
