package org.hlf.mentor.sync;

import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import io.restassured.path.json.JsonPath;
import java.util.concurrent.CompletableFuture;

/** Starting a reconciliation run and waiting for its end. */
public final class Reconciles {

    private Reconciles() {
    }

    /** Starts a run and answers its final state (as GET on its Location shows it). */
    public static JsonPath run(String chapterId) {
        Response started = Ops.ops().post("/api/v1/website-sync/reconcile?chapterId=" + chapterId);
        if (started.statusCode() != 202) {
            throw new AssertionError("reconcile start answered " + started.statusCode() + ": " + started.asString());
        }
        return awaitEnd(started.header("Location"));
    }

    /** Waits for a run started with {@link Ops#async}: its answer, then its end. */
    public static JsonPath awaitFinished(CompletableFuture<Response> started) {
        Response answer = await().atMost(SyncDb.WAIT).until(() -> started.getNow(null), r -> r != null);
        if (answer.statusCode() != 202) {
            throw new AssertionError("reconcile start answered " + answer.statusCode() + ": " + answer.asString());
        }
        return awaitEnd(answer.header("Location"));
    }

    public static JsonPath awaitEnd(String location) {
        return await().atMost(SyncDb.WAIT).until(() -> Ops.ops().get(location).jsonPath(),
                run -> !"RUNNING".equals(run.getString("state")));
    }
}
