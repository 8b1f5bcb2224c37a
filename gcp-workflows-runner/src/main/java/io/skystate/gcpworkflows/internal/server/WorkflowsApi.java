package io.skystate.gcpworkflows.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Workflows API v1 over HTTP/JSON, as in {@code google/cloud/workflows/v1/workflows.proto}: list, get
 * (optionally a {@code revisionId}), create, update (with {@code updateMask}) and delete; create, update and delete
 * answer finished long-running operations, which {@code GET .../operations/*} serves again. Thread-safe.
 */
final class WorkflowsApi {
    private static final Pattern COLLECTION = Pattern.compile("/v1/(projects/[^/]+/locations/[^/]+)/workflows");
    private static final Pattern RESOURCE = Pattern.compile("/v1/(projects/[^/]+/locations/[^/]+/workflows/[^/:]+)");
    private static final Pattern OPERATION = Pattern.compile("/v1/(projects/[^/]+/locations/[^/]+/operations/[^/]+)");
    private static final String WORKFLOW_TYPE = "type.googleapis.com/google.cloud.workflows.v1.Workflow";
    private static final String EMPTY_TYPE = "type.googleapis.com/google.protobuf.Empty";

    private final Engine engine;
    private final Map<String, ObjectNode> operations = new ConcurrentHashMap<>();

    WorkflowsApi(Engine engine) {
        this.engine = engine;
    }

    /** Serves the request if it is a Workflows API method; returns false otherwise. */
    boolean handle(HttpExchange exchange, String path, String method) throws IOException {
        Matcher collection = COLLECTION.matcher(path);
        Matcher resource = RESOURCE.matcher(path);
        Matcher operation = OPERATION.matcher(path);
        if (collection.matches() && method.equals("GET")) {
            list(exchange, collection.group(1));
        } else if (collection.matches() && method.equals("POST")) {
            create(exchange, collection.group(1));
        } else if (resource.matches() && method.equals("GET")) {
            get(exchange, resource.group(1));
        } else if (resource.matches() && method.equals("PATCH")) {
            update(exchange, resource.group(1));
        } else if (resource.matches() && method.equals("DELETE")) {
            engine.deleteWorkflow(resource.group(1));
            HttpExchanges.sendJson(exchange, 200, operation(resource.group(1), "delete", null, EMPTY_TYPE));
        } else if (operation.matches() && method.equals("GET")) {
            ObjectNode found = operations.get(operation.group(1));
            if (found == null) {
                throw ApiError.notFound("operation " + operation.group(1) + " not found");
            }
            HttpExchanges.sendJson(exchange, 200, found);
        } else {
            return false;
        }
        return true;
    }

    private void list(HttpExchange exchange, String parent) throws IOException {
        List<WorkflowRecord> all = engine.listWorkflows(parent);
        Page page = Page.of(exchange, all.size(), 500, 1000);
        ObjectNode body = HttpExchanges.JSON.createObjectNode();
        ArrayNode items = body.putArray("workflows");
        all.subList(page.from(), page.to()).forEach(record -> items.add(ApiJson.workflow(record, record.latest())));
        page.nextToken().ifPresent(token -> body.put("nextPageToken", token));
        HttpExchanges.sendJson(exchange, 200, body);
    }

    private void create(HttpExchange exchange, String parent) throws IOException {
        String id = HttpExchanges.queryParam(exchange, "workflowId");
        WorkflowRecord record = engine.createWorkflow(parent, id, spec(HttpExchanges.jsonBody(exchange), null));
        HttpExchanges.sendJson(exchange, 200, operation(record.name(), "create",
                ApiJson.workflow(record, record.latest()), WORKFLOW_TYPE));
    }

    private void get(HttpExchange exchange, String name) throws IOException {
        WorkflowRecord record = engine.getWorkflow(name);
        String revisionId = HttpExchanges.queryParam(exchange, "revisionId");
        WorkflowRecord.Revision revision = revisionId == null || revisionId.isEmpty() ? record.latest()
                : record.revision(revisionId);
        if (revision == null) {
            throw ApiError.notFound("revision " + revisionId + " of " + name + " not found");
        }
        HttpExchanges.sendJson(exchange, 200, ApiJson.workflow(record, revision));
    }

    private void update(HttpExchange exchange, String name) throws IOException {
        String mask = HttpExchanges.queryParam(exchange, "updateMask");
        Set<String> fields = mask == null || mask.isBlank() ? null : new HashSet<>(Arrays.asList(mask.split(",")));
        WorkflowRecord record = engine.updateWorkflow(name, spec(HttpExchanges.jsonBody(exchange), fields));
        HttpExchanges.sendJson(exchange, 200, operation(record.name(), "update",
                ApiJson.workflow(record, record.latest()), WORKFLOW_TYPE));
    }

    /** The fields of a Workflow body, limited to {@code mask} when given (camelCase field paths). */
    private static WorkflowSpec spec(JsonNode body, Set<String> mask) {
        return new WorkflowSpec(
                masked(mask, "sourceContents", ApiJson.text(body.get("sourceContents"))),
                masked(mask, "description", ApiJson.text(body.get("description"))),
                masked(mask, "labels", ApiJson.readStringMap(body.get("labels"), "labels")),
                masked(mask, "serviceAccount", ApiJson.text(body.get("serviceAccount"))),
                masked(mask, "userEnvVars", ApiJson.readStringMap(body.get("userEnvVars"), "userEnvVars")));
    }

    private static <T> T masked(Set<String> mask, String field, T value) {
        if (mask == null || mask.contains(field)
                || mask.contains(field.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT))) {
            return value;
        }
        return null;
    }

    private ObjectNode operation(String target, String verb, JsonNode response, String type) {
        String parent = target.substring(0, target.indexOf("/workflows/"));
        String name = parent + "/operations/operation-" + UUID.randomUUID();
        ObjectNode node = ApiJson.operation(name, verb, target, Instant.now(), response, type);
        operations.put(name, node);
        return node;
    }
}
