package org.hlf.mentor.sync.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hlf.mentor.events.Initiator;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.events.MentorStatusChanged;
import org.junit.jupiter.api.Test;

/** Within one poll only each mentor's newest event is written; the others are reported as superseded. */
class CoalescerTest {

    private static final UUID ANNA = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000001");
    private static final UUID BJORN = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000002");

    private long offset;

    @Test
    void theNewestVersionOfAMentorWinsWhateverTheOrder() {
        SyncEvent v1 = record(ANNA, 1);
        SyncEvent v3 = record(ANNA, 3);
        SyncEvent v2 = record(ANNA, 2);

        Coalescer.Result result = Coalescer.coalesce(List.of(v1, v3, v2));

        assertThat(result.latest()).containsExactly(v3);
        assertThat(result.superseded()).containsExactly(v1, v2);
    }

    @Test
    void onEqualVersionsTheLaterRecordWins() {
        MentorStatusChanged event = event(ANNA, 4);
        SyncEvent first = record(event);
        SyncEvent redelivered = record(event);

        Coalescer.Result result = Coalescer.coalesce(List.of(first, redelivered));

        assertThat(result.latest()).singleElement().isSameAs(redelivered);
        assertThat(result.superseded()).singleElement().isSameAs(first);
    }

    @Test
    void eachMentorKeepsItsOwnNewestInTheOrderMentorsFirstAppeared() {
        SyncEvent annaOld = record(ANNA, 1);
        SyncEvent bjorn = record(BJORN, 7);
        SyncEvent annaNew = record(ANNA, 2);

        Coalescer.Result result = Coalescer.coalesce(List.of(annaOld, bjorn, annaNew));

        assertThat(result.latest()).containsExactly(annaNew, bjorn);
        assertThat(result.superseded()).containsExactly(annaOld);
    }

    @Test
    void oneEventPerMentorSupersedesNothing() {
        SyncEvent anna = record(ANNA, 5);
        SyncEvent bjorn = record(BJORN, 1);

        Coalescer.Result result = Coalescer.coalesce(List.of(anna, bjorn));

        assertThat(result.latest()).containsExactly(anna, bjorn);
        assertThat(result.superseded()).isEmpty();
    }

    @Test
    void noEventsGiveNothing() {
        Coalescer.Result result = Coalescer.coalesce(List.of());

        assertThat(result.latest()).isEmpty();
        assertThat(result.superseded()).isEmpty();
    }

    private SyncEvent record(UUID mentor, long version) {
        return record(event(mentor, version));
    }

    /** The next record of the topic, each at an offset of its own, so one event delivered twice is two records. */
    private SyncEvent record(MentorStatusChanged event) {
        InboundRecord record = new InboundRecord("mentor-status-changed", 0, offset++, event.mentorId().toString(),
                "{}", Instant.EPOCH);
        return new SyncEvent(record, event);
    }

    private static MentorStatusChanged event(UUID mentor, long version) {
        return new MentorStatusChanged(UUID.randomUUID(), mentor, "oslo", MentorStatus.ACTIVE, MentorStatus.PAUSED,
                version, "test", Initiator.system("test"), Instant.EPOCH, null);
    }
}
