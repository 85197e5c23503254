package org.hlf.mentor.support.dlq;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The id of a topic's present incarnation. A recreated topic (and every fresh broker) starts its offsets at 0 again,
 * so a letter's place is (topic id, partition, offset): a place remembered from another incarnation never matches.
 */
public final class TopicIncarnation {

    private TopicIncarnation() {
    }

    /** Null when the topic does not exist (nothing was ever written to it). Blocking: call on a worker thread. */
    public static String of(String bootstrapServers, String topic, Duration timeout) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "dlq-reader-" + UUID.randomUUID()))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .get(topic).topicId().toString();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw new IllegalStateException("could not describe " + topic, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("could not describe " + topic + " within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing " + topic, e);
        }
    }
}
