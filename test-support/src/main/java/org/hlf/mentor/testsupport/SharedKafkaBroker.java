package org.hlf.mentor.testsupport;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.hlf.mentor.events.Topics;
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
 * <p>
 * Like a production broker, the started brokers do not create topics on first use
 * ({@code auto.create.topics.enable=false}): a service that sends to a topic nobody created must fail in the tests
 * too. Every topic of {@code org.hlf.mentor.events.Topics} is created here (also on an external broker, when
 * missing); a test that uses a topic of its own creates it.
 */
public final class SharedKafkaBroker {

    private static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    /** The event contract's topic names; read by reflection because test-support does not depend on shared-events. */
    private static final int PARTITIONS = 3;
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
        String servers = startBroker();
        createTopics(servers, Topics.ALL);
        return servers;
    }

    private static String startBroker() {
        String external = System.getProperty("KAFKA_BOOTSTRAP_SERVERS", System.getenv("KAFKA_BOOTSTRAP_SERVERS"));
        if (external != null && !external.isBlank()) {
            announce("external broker from KAFKA_BOOTSTRAP_SERVERS", external);
            return external;
        }
        if (containerEngineAnswers()) {
            KafkaContainer container = new KafkaContainer(KAFKA_IMAGE)
                    .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                    .withEnv("KAFKA_NUM_PARTITIONS", String.valueOf(PARTITIONS));
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
                    props.put("auto.create.topics.enable", "false");
                    props.put("num.partitions", String.valueOf(PARTITIONS));
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

    /** Creates the topics that do not exist yet; an existing one (external broker, earlier run) is left as it is. */
    private static void createTopics(String servers, List<String> names) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            var result = admin.createTopics(names.stream().map(name -> new NewTopic(name, PARTITIONS, (short) 1))
                    .toList());
            for (String name : names) {
                try {
                    result.values().get(name).get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + name + " on " + servers, e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics on " + servers, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("creating topics on " + servers + " took over 30 s", e);
        }
        System.out.printf("[test-kafka] Topics %s (%d partitions; no auto-creation)%n", names, PARTITIONS);
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
