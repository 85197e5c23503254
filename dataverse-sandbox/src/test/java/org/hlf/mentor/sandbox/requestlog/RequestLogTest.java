package org.hlf.mentor.sandbox.requestlog;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

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
}
