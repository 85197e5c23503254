package org.hlf.mentor.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Proves that the Java records and the JSON Schema files of shared-events describe the same payloads. */
class EventSchemaContractTest {

    /** Configured like the Quarkus ObjectMapper the services use: ISO dates, unknown properties allowed. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final UUID MENTOR = UUID.fromString("6f1c2a4e-0a53-4c8e-9a57-1d6f1f0d2b11");
    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30.123Z");

    private final MentorStatusChanged statusChanged = new MentorStatusChanged(UUID.randomUUID(), MENTOR, "oslo",
            MentorStatus.ACTIVE, MentorStatus.PAUSED, 7, "holiday",
            new Initiator(Initiator.Type.COORDINATOR, "coord-1"), NOW, LocalDate.parse("2027-06-30"));
    private final CoordinatorNotification notification = new CoordinatorNotification(UUID.randomUUID(), "oslo",
            MENTOR, CoordinatorNotification.Kind.PAUSED, "holiday", LocalDate.parse("2027-03-01"), NOW,
            List.of(new OpenCommitment(UUID.randomUUID(), CommitmentKind.SESSION,
                    Instant.parse("2026-12-01T16:00:00Z"), "Weekly session with client 1142"),
                    new OpenCommitment(UUID.randomUUID(), CommitmentKind.REIMBURSEMENT, null, null)));
    private final CertificationExpired expired = new CertificationExpired(UUID.randomUUID(), MENTOR,
            LocalDate.parse("2026-11-21"), NOW);
    private final CertificationRenewed renewed = new CertificationRenewed(UUID.randomUUID(), MENTOR,
            LocalDate.parse("2028-11-21"), NOW);
    private final CommitmentOpened opened = new CommitmentOpened(UUID.randomUUID(), UUID.randomUUID(), MENTOR,
            CommitmentKind.ASSIGNMENT, null, "Client 1142, weekly follow-up", NOW);
    private final CommitmentClosed closed = new CommitmentClosed(UUID.randomUUID(), opened.commitmentId(), MENTOR,
            NOW);

    /** CoordinatorNotification as consumers built before openCommitments know it. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record NotificationBeforeOpenCommitments(UUID eventId, String chapterId, UUID mentorId,
            CoordinatorNotification.Kind kind, String reason, LocalDate expectedReturnDate, Instant occurredAt) {
    }

    @Test
    void mentorStatusChangedMatchesItsSchema() throws IOException {
        assertValid("mentor-status-changed", MAPPER.valueToTree(statusChanged));
    }

    @Test
    void registrationEventWithNullPreviousStatusMatchesSchema() throws IOException {
        var registered = new MentorStatusChanged(UUID.randomUUID(), MENTOR, "bergen", null, MentorStatus.EXPIRED_CERT,
                1, "registered", Initiator.system("roster"), NOW, null);
        assertValid("mentor-status-changed", MAPPER.valueToTree(registered));
    }

    @Test
    void coordinatorNotificationMatchesItsSchema() throws IOException {
        assertValid("coordinator-notification", MAPPER.valueToTree(notification));
    }

    @Test
    void certificationEventsCarryTheirTypeAndMatchTheirSchemas() throws IOException {
        JsonNode expiredJson = MAPPER.valueToTree(expired);
        JsonNode renewedJson = MAPPER.valueToTree(renewed);
        assertThat(expiredJson.get("type").asText()).isEqualTo("CertificationExpired");
        assertThat(renewedJson.get("type").asText()).isEqualTo("CertificationRenewed");
        assertValid("certification-expired", expiredJson);
        assertValid("certification-renewed", renewedJson);
    }

    @Test
    void commitmentEventsCarryTheirTypeAndMatchTheirSchemas() throws IOException {
        JsonNode openedJson = MAPPER.valueToTree(opened);
        JsonNode closedJson = MAPPER.valueToTree(closed);
        assertThat(openedJson.get("type").asText()).isEqualTo("CommitmentOpened");
        assertThat(closedJson.get("type").asText()).isEqualTo("CommitmentClosed");
        assertValid("commitment-opened", openedJson);
        assertValid("commitment-closed", closedJson);
        var session = new CommitmentOpened(UUID.randomUUID(), UUID.randomUUID(), MENTOR, CommitmentKind.SESSION,
                Instant.parse("2026-12-01T16:00:00Z"), null, NOW);
        assertValid("commitment-opened", MAPPER.valueToTree(session));
    }

    @Test
    void commitmentEventsReadPolymorphicallyByType() throws IOException {
        ObjectNode json = MAPPER.valueToTree(opened);
        json.put("owner", "future field");
        assertThat(MAPPER.treeToValue(json, CommitmentEvent.class)).isEqualTo(opened);
        assertThat(MAPPER.readValue(MAPPER.writeValueAsString(closed), CommitmentEvent.class)).isEqualTo(closed);
    }

    @Test
    void commitmentSchemaRejectsAnUnknownKind() throws IOException {
        ObjectNode json = MAPPER.valueToTree(opened);
        json.put("kind", "LOAN");
        assertThat(validate("commitment-opened", json)).isNotEmpty();
    }

    @Test
    void notificationOfAnOlderProducerWithoutOpenCommitmentsStillValidatesAndReads() throws IOException {
        ObjectNode json = MAPPER.valueToTree(notification);
        json.remove("openCommitments");
        assertValid("coordinator-notification", json);
        CoordinatorNotification read = MAPPER.treeToValue(json, CoordinatorNotification.class);
        assertThat(read.openCommitments()).isNull();
        assertThat(read.eventId()).isEqualTo(notification.eventId());
    }

    @Test
    void consumerBuiltBeforeOpenCommitmentsReadsTheNewNotification() throws IOException {
        String json = MAPPER.writeValueAsString(notification);
        NotificationBeforeOpenCommitments read = new ObjectMapper().findAndRegisterModules()
                .readValue(json, NotificationBeforeOpenCommitments.class);
        assertThat(read).isEqualTo(new NotificationBeforeOpenCommitments(notification.eventId(),
                notification.chapterId(), notification.mentorId(), notification.kind(), notification.reason(),
                notification.expectedReturnDate(), notification.occurredAt()));
    }

    @Test
    void schemaPropertiesAreExactlyTheRecordComponents() throws IOException {
        assertSameProperties("commitment-opened", CommitmentOpened.class, Set.of("type"));
        assertSameProperties("commitment-closed", CommitmentClosed.class, Set.of("type"));
        assertSameProperties("mentor-status-changed", MentorStatusChanged.class, Set.of());
        assertSameProperties("coordinator-notification", CoordinatorNotification.class, Set.of());
        assertSameProperties("certification-expired", CertificationExpired.class, Set.of("type"));
        assertSameProperties("certification-renewed", CertificationRenewed.class, Set.of("type"));
    }

    @Test
    void schemaRejectsAPayloadMissingARequiredField() throws IOException {
        ObjectNode json = MAPPER.valueToTree(statusChanged);
        json.remove("version");
        assertThat(validate("mentor-status-changed", json)).isNotEmpty();
    }

    @Test
    void schemaRejectsAMalformedDate() throws IOException {
        ObjectNode json = MAPPER.valueToTree(renewed);
        json.put("validUntil", "31.12.2027");
        assertThat(validate("certification-renewed", json)).isNotEmpty();
    }

    @Test
    void payloadWithUnknownFieldStillReads() throws IOException {
        ObjectNode json = MAPPER.valueToTree(statusChanged);
        json.put("addedInAFutureVersion", "ignored");
        json.with("initiatedBy").put("displayName", "ignored too");
        assertValid("mentor-status-changed", json);
        assertThat(MAPPER.treeToValue(json, MentorStatusChanged.class)).isEqualTo(statusChanged);
    }

    @Test
    void certificationEventsReadPolymorphicallyByType() throws IOException {
        ObjectNode json = MAPPER.valueToTree(renewed);
        json.put("issuer", "future field");
        CertificationEvent read = MAPPER.treeToValue(json, CertificationEvent.class);
        assertThat(read).isEqualTo(renewed);
        assertThat(MAPPER.readValue(MAPPER.writeValueAsString(expired), CertificationEvent.class)).isEqualTo(expired);
    }

    @Test
    void everyRecordRoundTrips() throws IOException {
        assertThat(MAPPER.readValue(MAPPER.writeValueAsString(statusChanged), MentorStatusChanged.class))
                .isEqualTo(statusChanged);
        assertThat(MAPPER.readValue(MAPPER.writeValueAsString(notification), CoordinatorNotification.class))
                .isEqualTo(notification);
    }

    private static void assertValid(String schema, JsonNode json) throws IOException {
        assertThat(validate(schema, json)).as("%s against %s", json, schema).isEmpty();
    }

    private static Set<ValidationMessage> validate(String schema, JsonNode json) throws IOException {
        return load(schema).validate(json);
    }

    private static JsonSchema load(String name) throws IOException {
        var config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = EventSchemaContractTest.class.getResourceAsStream("/schemas/" + name + ".schema.json")) {
            assertThat(in).as("schema %s on the classpath", name).isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }

    private static void assertSameProperties(String schema, Class<? extends Record> type, Set<String> extra)
            throws IOException {
        JsonNode properties;
        try (InputStream in = EventSchemaContractTest.class.getResourceAsStream("/schemas/" + schema + ".schema.json")) {
            properties = MAPPER.readTree(in).get("properties");
        }
        assertSameProperties(schema, properties, type, extra);
    }

    @Test
    void openCommitmentItemsAreExactlyTheRecordComponents() throws IOException {
        try (InputStream in = EventSchemaContractTest.class.getResourceAsStream(
                "/schemas/coordinator-notification.schema.json")) {
            JsonNode items = MAPPER.readTree(in).at("/properties/openCommitments/items/properties");
            assertSameProperties("openCommitments items", items, OpenCommitment.class, Set.of());
        }
    }

    private static void assertSameProperties(String schema, JsonNode properties, Class<? extends Record> type,
            Set<String> extra) {
        Set<String> inSchema = new TreeSet<>();
        for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
            inSchema.add(it.next());
        }
        Set<String> inRecord = new TreeSet<>(extra);
        Arrays.stream(type.getRecordComponents()).forEach(c -> inRecord.add(c.getName()));
        assertThat(inSchema).as("properties of %s", schema).isEqualTo(inRecord);
    }
}
