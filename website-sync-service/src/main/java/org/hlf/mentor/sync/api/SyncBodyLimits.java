package org.hlf.mentor.sync.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.hlf.mentor.support.api.BodyLimits;
import org.hlf.mentor.sync.config.SyncConfig;

/** Every call of this API has a small body: one limit for all. */
@ApplicationScoped
public class SyncBodyLimits implements BodyLimits {

    private final SyncConfig config;

    public SyncBodyLimits(SyncConfig config) {
        this.config = config;
    }

    @Override
    public long maxBytes(String path) {
        return config.api().maxBodyBytes();
    }
}
