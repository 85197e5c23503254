package org.hlf.mentor.pause;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** What the tests around open commitments share: the database, and mentor-commitments on the shared broker. */
public abstract class CommitmentFixture {

    @Inject
    protected Pool pool;

    @Inject
    protected ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    protected String bootstrapServers;

    protected PauseDb db;
    protected CommitmentTopic commitments;

    @BeforeEach
    void openClients() {
        db = new PauseDb(pool);
        commitments = new CommitmentTopic(bootstrapServers, mapper, db);
    }

    @AfterEach
    void closeClients() {
        commitments.close();
    }
}
