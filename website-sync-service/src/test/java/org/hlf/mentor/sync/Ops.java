package org.hlf.mentor.sync;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.concurrent.CompletableFuture;
import org.hlf.mentor.testsupport.TestTokens;

/** website-sync's HTTP API as ops call it. */
public final class Ops {

    private Ops() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    public static RequestSpecification ops() {
        return as(TestTokens.ops());
    }

    /** For calls that a test holds up on purpose (the portal gate): the answer comes later. */
    public static CompletableFuture<Response> async(java.util.function.Supplier<Response> call) {
        return CompletableFuture.supplyAsync(call);
    }
}
