package org.hlf.mentor.sync.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.hlf.mentor.events.Initiator;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.events.MentorStatusChanged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading a mentor-status-changed payload: what the sync needs, or the reason it cannot be read. */
class EventParserTest {

    private static final String MISSING = "missing mentorId, eventId, chapterId, newStatus or a positive version";
    private static final UUID EVENT_ID = UUID.fromString("0e0e0e0e-0000-0000-0000-000000000001");
    private static final UUID MENTOR_ID = UUID.fromString("a1a1a1a1-0000-0000-0000-000000000002");
    private static final String VALID = """
            {"eventId":"%s","mentorId":"%s","chapterId":"oslo","previousStatus":"ACTIVE","newStatus":"PAUSED",
             "version":3,"reason":"parental leave","initiatedBy":{"type":"COORDINATOR","id":"c-1"},
             "occurredAt":"2026-03-01T10:15:30Z","certificationValidUntil":"2027-06-30"}"""
            .formatted(EVENT_ID, MENTOR_ID);
    private static final MentorStatusChanged EXPECTED = new MentorStatusChanged(EVENT_ID, MENTOR_ID, "oslo",
            MentorStatus.ACTIVE, MentorStatus.PAUSED, 3, "parental leave",
            new Initiator(Initiator.Type.COORDINATOR, "c-1"), Instant.parse("2026-03-01T10:15:30Z"),
            LocalDate.parse("2027-06-30"));

    @Test
    void readsAValidEvent() {
        StringBuilder problem = new StringBuilder();

        Optional<MentorStatusChanged> event = EventParser.parse(VALID, problem);

        assertThat(event).contains(EXPECTED);
        assertThat(problem).isEmpty();
    }

    @Test
    void readsARegistrationWithOnlyTheFieldsTheSyncNeeds() {
        StringBuilder problem = new StringBuilder();
        String payload = "{\"eventId\":\"%s\",\"mentorId\":\"%s\",\"chapterId\":\"oslo\",\"newStatus\":\"ACTIVE\","
                + "\"version\":1}";

        Optional<MentorStatusChanged> event = EventParser.parse(payload.formatted(EVENT_ID, MENTOR_ID), problem);

        assertThat(event).contains(new MentorStatusChanged(EVENT_ID, MENTOR_ID, "oslo", null, MentorStatus.ACTIVE, 1,
                null, null, null, null));
        assertThat(problem).isEmpty();
    }

    @Test
    void ignoresUnknownFields() {
        StringBuilder problem = new StringBuilder();
        String payload = VALID.replace("\"chapterId\"", "\"priority\":\"high\",\"tags\":[1,{\"a\":null}],\"chapterId\"")
                .replace("\"id\":\"c-1\"", "\"id\":\"c-1\",\"email\":\"c@hlf.no\"");

        Optional<MentorStatusChanged> event = EventParser.parse(payload, problem);

        assertThat(event).contains(EXPECTED);
        assertThat(problem).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mentorId", "eventId", "chapterId", "newStatus", "version"})
    void refusesAnEventWithoutAFieldTheSyncNeeds(String field) {
        String payload = VALID.replace("\"" + field + "\":", "\"ignored_" + field + "\":");

        assertRefused(payload, MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"mentorId\":null", "\"eventId\":null", "\"chapterId\":null", "\"newStatus\":null"})
    void refusesAnEventWithANullFieldTheSyncNeeds(String nulled) {
        String field = nulled.substring(0, nulled.indexOf(':'));
        String payload = VALID.replaceFirst(field + ":(\"[^\"]*\")", nulled);

        assertRefused(payload, MISSING);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void refusesAVersionThatIsNotPositive(int version) {
        assertRefused(VALID.replace("\"version\":3", "\"version\":" + version), MISSING);
    }

    @Test
    void refusesTheJsonLiteralNullAsMissingFields() {
        assertRefused("null", MISSING);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\n"})
    void refusesAnEmptyPayload(String payload) {
        assertRefused(payload, "empty payload");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"eventId\": \"not json", "not json at all", "[]", "42",
            "{\"mentorId\":\"not-a-uuid\"}", "{\"newStatus\":\"RETIRED\"}", "{\"version\":\"three\"}"})
    void refusesMalformedJsonWithTheFirstLineOfTheParsersReason(String payload) {
        StringBuilder problem = new StringBuilder();

        assertThat(EventParser.parse(payload, problem)).isEmpty();

        assertThat(problem.toString()).startsWith("unreadable JSON: ").hasSizeGreaterThan("unreadable JSON: ".length())
                .doesNotContain("\n");
    }

    private static void assertRefused(String payload, String reason) {
        StringBuilder problem = new StringBuilder();

        assertThat(EventParser.parse(payload, problem)).isEmpty();

        assertThat(problem).hasToString(reason);
    }
}
