package org.hlf.mentor.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a service's OpenAPI document says about who may call it. Clients (Swagger UI, generated clients, the resilience
 * suite's probe) read the bearer scheme and each operation's roles from it (none listed: any authenticated caller), so
 * a requirement naming an undefined scheme, or an API operation without a requirement, is a defect of the document.
 */
public final class OpenApiSecurity {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private OpenApiSecurity() {
    }

    /** Every /api operation whose security requirement does not name the defined bearer scheme. */
    public static List<String> unguardedOperations(String openApiJson, String scheme) throws Exception {
        JsonNode doc = JSON.readTree(openApiJson);
        List<String> problems = new ArrayList<>();
        if (!"bearer".equals(doc.path("components").path("securitySchemes").path(scheme).path("scheme").asText())) {
            problems.add("no bearer security scheme named " + scheme);
        }
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode() || !path.getKey().startsWith("/api/")) {
                    continue;
                }
                JsonNode roles = operation.path("security").path(0).path(scheme);
                if (!roles.isArray()) {
                    problems.add(method.toUpperCase() + " " + path.getKey() + " does not require " + scheme);
                }
            }
        }
        return problems;
    }
}
