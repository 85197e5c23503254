package org.hlf.mentor.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the application under test at a real Kafka broker, shared by every test class of the JVM
 * (see {@link SharedKafkaBroker} for which broker).
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", SharedKafkaBroker.bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker outlives one application start: it is closed by a JVM shutdown hook.
    }
}
