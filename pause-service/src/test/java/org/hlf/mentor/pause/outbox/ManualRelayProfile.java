package org.hlf.mentor.pause.outbox;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The relay does not run by itself: tests call it, with small batches so two relays interleave. */
public class ManualRelayProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("hlf.pause.outbox.relay-enabled", "false", "hlf.pause.outbox.batch-size", "7");
    }
}
