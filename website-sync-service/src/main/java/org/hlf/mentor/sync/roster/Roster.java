package org.hlf.mentor.sync.roster;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.hlf.mentor.sync.config.SyncConfig;

/** pause-service's roster, page by page, as a {@code system} caller; a passing failure is retried a few times. */
@ApplicationScoped
public class Roster {

    private final PauseServiceApi api;
    private final ServiceTokens tokens;
    private final int pageSize;

    public Roster(@RestClient PauseServiceApi api, ServiceTokens tokens, SyncConfig config) {
        this.api = api;
        this.tokens = tokens;
        this.pageSize = config.roster().pageSize();
    }

    /** The page after {@code cursor} (null: the first), of one chapter when given. */
    @Retry(maxRetries = 4, delay = 500, jitter = 200, abortOn = PermanentRosterFailure.class)
    @Timeout(30_000)
    public Uni<RosterPage> page(String cursor, String chapterId) {
        return tokens.bearer()
                .chain(bearer -> api.page(cursor, pageSize, chapterId, bearer))
                .onFailure(e -> e instanceof RosterUnavailable r && !r.transientFailure())
                .transform(e -> new PermanentRosterFailure(e.getMessage()));
    }

    /** 4xx from pause-service: a bug or a configuration error, not worth another attempt. */
    public static class PermanentRosterFailure extends RuntimeException {

        public PermanentRosterFailure(String message) {
            super(message);
        }
    }
}
