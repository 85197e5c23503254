package org.hlf.mentor.pause.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.hlf.mentor.pause.config.PauseConfig;
import org.hlf.mentor.support.api.BodyLimits;
import org.hlf.mentor.support.api.Problem;

/** A single-mentor call is small; only the roster import may be large. The answer names the endpoint's limit. */
@ApplicationScoped
public class PauseBodyLimits implements BodyLimits {

    private final PauseConfig config;

    public PauseBodyLimits(PauseConfig config) {
        this.config = config;
    }

    @Override
    public long maxBytes(String path) {
        return path.endsWith("/mentors/import") ? config.api().maxImportBodyBytes() : config.api().maxBodyBytes();
    }

    @Override
    public Problem tooLarge(long size, long limit) {
        return Problem.of(Response.Status.BAD_REQUEST,
                "Request body of %d bytes is larger than the %d bytes this endpoint accepts".formatted(size, limit))
                .with("maxBodyBytes", limit);
    }
}
