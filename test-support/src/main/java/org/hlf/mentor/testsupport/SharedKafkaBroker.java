package org.hlf.mentor.testsupport;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One real Kafka broker per test JVM, chosen in this order:
 * <ol>
 * <li>{@code KAFKA_BOOTSTRAP_SERVERS} (environment or system property): an existing broker;</li>
 * <li>Testcontainers' Kafka when a container engine answers;</li>
 * <li>otherwise an Apache Kafka KRaft broker inside this JVM, on free ports.</li>
 * </ol>
 * The choice is printed once so the test output says which broker the tests ran against.
 */
public final class SharedKafkaBroker {

    private static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    /** Strong references: java.util.logging keeps loggers weakly, and the level must stick. */
    private static final Logger[] QUIET_LOGGERS = {Logger.getLogger("kafka"), Logger.getLogger("org.apache.kafka"),
        Logger.getLogger("state.change.logger"), Logger.getLogger("io.smallrye.reactive.messaging.kafka.companion")};

    private static String bootstrapServers;

    private SharedKafkaBroker() {
    }

    /** Starts the broker on first use and answers its bootstrap servers. */
    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = start();
        }
        return bootstrapServers;
    }

    private static String start() {
        String external = System.getProperty("KAFKA_BOOTSTRAP_SERVERS", System.getenv("KAFKA_BOOTSTRAP_SERVERS"));
        if (external != null && !external.isBlank()) {
            announce("external broker from KAFKA_BOOTSTRAP_SERVERS", external);
            return external;
        }
        if (containerEngineAnswers()) {
            KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "kafka-container-stop"));
            announce("Testcontainers Kafka (" + KAFKA_IMAGE + ")", container.getBootstrapServers());
            return container.getBootstrapServers();
        }
        for (Logger logger : QUIET_LOGGERS) {
            logger.setLevel(Level.WARNING);
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker()
                .withDeleteLogDirsOnClose(true)
                .withAdditionalProperties(props -> {
                    props.put("num.partitions", "3");
                    props.put("group.initial.rebalance.delay.ms", "0");
                    props.put("offsets.topic.num.partitions", "3");
                })
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-stop"));
        String servers = broker.getAdvertisedListeners();
        announce("in-JVM Apache Kafka " + org.apache.kafka.common.utils.AppInfoParser.getVersion()
                + " KRaft broker", servers);
        return servers;
    }

    /** A cheap probe first: asking Testcontainers without any engine socket costs seconds of retries. */
    private static boolean containerEngineAnswers() {
        boolean socket = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
        if (!socket) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void announce(String what, String servers) {
        System.out.printf("[test-kafka] Using %s at %s%n", what, servers);
    }
}
