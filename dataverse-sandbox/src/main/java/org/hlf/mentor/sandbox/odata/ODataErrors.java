package org.hlf.mentor.sandbox.odata;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Error answers in the Dataverse shape {@code {"error":{"code":"0x...","message":"..."}}}. The codes are the
 * ones Dataverse sends for the same situation, so client code can branch on them exactly as in production.
 */
public final class ODataErrors {

    /** Dataverse uses 0x0 for errors raised by the OData layer (bad URL, unknown property, bad literal). */
    public static final String ODATA_LAYER = "0x0";
    public static final String RECORD_NOT_FOUND = "0x80040217";
    public static final String DUPLICATE_RECORD = "0x80040237";
    public static final String VERSION_MISMATCH = "0x80060882";
    public static final String RESOURCE_NOT_FOUND = "0x8006088a";
    /** A query option Dataverse cannot parse or does not support: bad $filter, unknown system query option. */
    public static final String QUERY_NOT_UNDERSTOOD = "0x80060888";
    public static final String UNEXPECTED = "0x80040216";
    public static final String TOO_MANY_REQUESTS = "0x80072322";
    public static final String EXECUTION_TIME_EXCEEDED = "0x80072321";
    public static final String TOO_MANY_CONCURRENT_REQUESTS = "0x80072326";

    private ODataErrors() {
    }

    public static ODataResult error(int status, String code, String message) {
        return error(status, code, message, Map.of());
    }

    public static ODataResult error(int status, String code, String message, Map<String, String> headers) {
        return ODataResult.json(status, headers, body(code, message));
    }

    public static String body(String code, String message) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return root.toString();
    }

    public static ODataResult badRequest(String message) {
        return error(400, ODATA_LAYER, message);
    }

    public static ODataResult badQuery(String message) {
        return error(400, QUERY_NOT_UNDERSTOOD, message);
    }
}
