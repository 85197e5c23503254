package org.hlf.mentor.pause.certification;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A retry budget of one second, so a test can outlast it. Its own application: the certification channel of this
 * one stops for good, which no other test class may share.
 */
public class ShortRetryBudgetProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("hlf.pause.certification.retry.initial-backoff", "50ms",
                "hlf.pause.certification.retry.max-backoff", "200ms",
                "hlf.pause.certification.retry.budget", "1s");
    }
}
