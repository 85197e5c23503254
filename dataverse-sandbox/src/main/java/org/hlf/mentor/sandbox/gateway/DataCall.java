package org.hlf.mentor.sandbox.gateway;

import io.vertx.core.http.HttpServerRequest;

import java.util.UUID;

/**
 * An incoming data API call as the gateway needs it before the body is looked at.
 *
 * @param mentorId the mentor the URL names, if any: a refused call is still logged against its mentor
 */
public record DataCall(String method, String path, UUID mentorId, String authorization, HttpServerRequest http) {
}
