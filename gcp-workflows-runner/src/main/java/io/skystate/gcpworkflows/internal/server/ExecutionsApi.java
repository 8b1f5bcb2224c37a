package io.skystate.gcpworkflows.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.skystate.gcpworkflows.ExecutionState;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Executions API v1 over HTTP/JSON, as in {@code google/cloud/workflows/executions/v1/executions.proto}:
 * create (the {@code argument} JSON string, {@code callLogLevel} accepted by name or number), get (FULL view),
 * cancel, and list (newest first, BASIC view unless {@code view=FULL}, {@code pageSize}/{@code pageToken}, and a
 * {@code filter} on {@code state} with {@code =} or {@code !=}). Thread-safe.
 */
final class ExecutionsApi {
    private static final Pattern COLLECTION =
            Pattern.compile("/v1/(projects/[^/]+/locations/[^/]+/workflows/[^/]+)/executions");
    private static final Pattern RESOURCE =
            Pattern.compile("/v1/(projects/[^/]+/locations/[^/]+/workflows/[^/]+/executions/[^/:]+)(:cancel)?");
    private static final Pattern STATE_FILTER = Pattern.compile("\\s*state\\s*(=|!=)\\s*\"?([A-Za-z_]+)\"?\\s*");
    private static final List<String> LOG_LEVELS = List.of("CALL_LOG_LEVEL_UNSPECIFIED", "LOG_ALL_CALLS",
            "LOG_ERRORS_ONLY", "LOG_NONE");

    private final Engine engine;

    ExecutionsApi(Engine engine) {
        this.engine = engine;
    }

    boolean handle(HttpExchange exchange, String path, String method) throws IOException {
        Matcher collection = COLLECTION.matcher(path);
        Matcher resource = RESOURCE.matcher(path);
        if (collection.matches() && method.equals("POST")) {
            create(exchange, collection.group(1));
        } else if (collection.matches() && method.equals("GET")) {
            list(exchange, collection.group(1));
        } else if (resource.matches() && resource.group(2) == null && method.equals("GET")) {
            HttpExchanges.sendJson(exchange, 200, ApiJson.execution(engine.getExecution(resource.group(1)), true));
        } else if (resource.matches() && resource.group(2) != null && method.equals("POST")) {
            HttpExchanges.jsonBody(exchange);
            HttpExchanges.sendJson(exchange, 200, ApiJson.execution(engine.cancel(resource.group(1)), true));
        } else {
            return false;
        }
        return true;
    }

    private void create(HttpExchange exchange, String workflow) throws IOException {
        JsonNode body = HttpExchanges.jsonBody(exchange);
        Map<String, String> labels = ApiJson.readStringMap(body.get("labels"), "labels");
        ExecutionRecord record = engine.startExecution(workflow, ApiJson.text(body.get("argument")),
                logLevel(body.get("callLogLevel")), labels == null ? Map.of() : labels);
        HttpExchanges.sendJson(exchange, 200, ApiJson.execution(record, true));
    }

    private void list(HttpExchange exchange, String workflow) throws IOException {
        engine.getWorkflow(workflow);
        Predicate<ExecutionRecord> filter = filter(HttpExchanges.queryParam(exchange, "filter"));
        List<ExecutionRecord> all = engine.listExecutions(workflow).stream().filter(filter)
                .collect(Collectors.toList());
        boolean full = "FULL".equals(HttpExchanges.queryParam(exchange, "view"))
                || "2".equals(HttpExchanges.queryParam(exchange, "view"));
        Page page = Page.of(exchange, all.size(), 100, full ? 100 : 1000);
        ObjectNode body = HttpExchanges.JSON.createObjectNode();
        ArrayNode items = body.putArray("executions");
        all.subList(page.from(), page.to()).forEach(record -> items.add(ApiJson.execution(record, full)));
        page.nextToken().ifPresent(token -> body.put("nextPageToken", token));
        HttpExchanges.sendJson(exchange, 200, body);
    }

    private static Predicate<ExecutionRecord> filter(String filter) {
        if (filter == null || filter.isBlank()) {
            return record -> true;
        }
        Matcher matcher = STATE_FILTER.matcher(filter);
        if (!matcher.matches()) {
            throw ApiError.invalid("unsupported filter '" + filter + "': Skystate's Workflows runner filters only "
                    + "on state, as state = NAME or state != NAME");
        }
        ExecutionState state;
        try {
            state = ExecutionState.valueOf(matcher.group(2).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("unknown state '" + matcher.group(2) + "' in filter");
        }
        boolean equal = matcher.group(1).equals("=");
        return record -> (record.state() == state) == equal;
    }

    private static String logLevel(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isInt() && node.asInt() >= 0 && node.asInt() < LOG_LEVELS.size()) {
            return LOG_LEVELS.get(node.asInt());
        }
        if (node.isTextual() && LOG_LEVELS.contains(node.asText())) {
            return node.asText();
        }
        throw ApiError.invalid("unknown callLogLevel " + node);
    }
}
