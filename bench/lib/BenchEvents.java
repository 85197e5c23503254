import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Benchmark data, deterministic per prefix: mentor i is UUID.nameUUIDFromBytes(prefix + i).
 *   contacts <prefix> <count> <chapter> <file>          sandbox seed JSON (all visible)
 *   events <bootstrap> <prefix> <count> <chapter> <status> <version>   MentorStatusChanged records, key = mentor id
 *   roster <prefix> <count> <chapter> <driftEvery> <contacts.json> <roster.csv>
 *       a roster where every 10th mentor is PAUSED, the rest ACTIVE (pause-service's peer_mentor as CSV for COPY),
 *       and the portal's contacts showing exactly the ACTIVE ones, except every driftEvery-th mentor (flipped)
 */
public class BenchEvents {

    public static void main(String[] args) throws Exception {
        if (args[0].equals("contacts")) {
            String prefix = args[1];
            int count = Integer.parseInt(args[2]);
            StringBuilder json = new StringBuilder(count * 120).append('[');
            for (int i = 0; i < count; i++) {
                json.append(i == 0 ? "" : ",").append("{\"mentorId\":\"").append(mentor(prefix, i))
                        .append("\",\"chapterId\":\"").append(args[3]).append("\",\"name\":\"Bench Mentor ").append(i)
                        .append("\",\"visible\":true}");
            }
            Files.writeString(Path.of(args[4]), json.append(']'));
            return;
        }
        if (args[0].equals("roster")) {
            roster(args[1], Integer.parseInt(args[2]), args[3], Integer.parseInt(args[4]), Path.of(args[5]),
                    Path.of(args[6]));
            return;
        }
        String bootstrap = args[1];
        String prefix = args[2];
        int count = Integer.parseInt(args[3]);
        String chapter = args[4];
        String status = args[5];
        long version = Long.parseLong(args[6]);
        String previous = status.equals("ACTIVE") ? "PAUSED" : "ACTIVE";
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("acks", "all");
        props.put("linger.ms", "5");
        props.put("batch.size", "262144");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                UUID mentor = mentor(prefix, i);
                String payload = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"mentorId\":\"" + mentor
                        + "\",\"chapterId\":\"" + chapter + "\",\"previousStatus\":\"" + previous
                        + "\",\"newStatus\":\"" + status + "\",\"version\":" + version
                        + ",\"reason\":\"benchmark\",\"initiatedBy\":{\"type\":\"SYSTEM\",\"id\":\"bench\"},"
                        + "\"occurredAt\":\"" + Instant.now() + "\",\"certificationValidUntil\":null}";
                producer.send(new ProducerRecord<>("mentor-status-changed", mentor.toString(), payload));
            }
            producer.flush();
        }
    }

    static void roster(String prefix, int count, String chapter, int driftEvery, Path contacts, Path csv)
            throws Exception {
        StringBuilder json = new StringBuilder(count * 120).append('[');
        StringBuilder rows = new StringBuilder(count * 80);
        for (int i = 0; i < count; i++) {
            UUID mentor = mentor(prefix, i);
            boolean active = i % 10 != 0;
            boolean shown = i % driftEvery == driftEvery - 1 ? !active : active;
            json.append(i == 0 ? "" : ",").append("{\"mentorId\":\"").append(mentor).append("\",\"chapterId\":\"")
                    .append(chapter).append("\",\"name\":\"Bench Mentor ").append(i).append("\",\"visible\":")
                    .append(shown).append('}');
            rows.append(mentor).append(',').append(chapter).append(',').append(active ? "ACTIVE" : "PAUSED")
                    .append(",2030-01-01,3,now,now\n");
        }
        Files.writeString(contacts, json.append(']'));
        Files.writeString(csv, rows);
    }

    static UUID mentor(String prefix, int i) {
        return UUID.nameUUIDFromBytes((prefix + i).getBytes());
    }
}
