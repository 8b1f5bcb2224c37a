package io.skystate.gcpworkflows.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.gcpworkflows.ExecutionError;
import io.skystate.gcpworkflows.ExecutionState;
import io.skystate.gcpworkflows.internal.exec.Execution;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The proto3 JSON of the API resources: {@code Workflow}
 * (https://cloud.google.com/workflows/docs/reference/rest/v1/projects.locations.workflows), {@code Execution}
 * (https://cloud.google.com/workflows/docs/reference/executions/rest/v1/projects.locations.workflows.executions)
 * and {@code google.longrunning.Operation}; timestamps in RFC 3339, int64 as strings, enums by name.
 * Stateless and thread-safe.
 */
final class ApiJson {
    private ApiJson() {
    }

    static ObjectNode workflow(WorkflowRecord record, WorkflowRecord.Revision revision) {
        ObjectNode node = HttpExchanges.JSON.createObjectNode();
        node.put("name", record.name());
        node.put("description", record.description());
        node.put("state", "ACTIVE");
        node.put("revisionId", revision.id());
        node.put("createTime", record.createTime().toString());
        node.put("updateTime", record.updateTime().toString());
        node.put("revisionCreateTime", revision.createTime().toString());
        node.set("labels", stringMap(record.labels()));
        if (revision.serviceAccount() != null) {
            node.put("serviceAccount", revision.serviceAccount());
        }
        node.put("sourceContents", revision.source());
        node.set("userEnvVars", stringMap(record.userEnvVars()));
        return node;
    }

    static ObjectNode operation(String name, String verb, String target, Instant time, JsonNode response,
                                String responseType) {
        ObjectNode node = HttpExchanges.JSON.createObjectNode();
        node.put("name", name);
        ObjectNode metadata = node.putObject("metadata");
        metadata.put("@type", "type.googleapis.com/google.cloud.workflows.v1.OperationMetadata");
        metadata.put("createTime", time.toString());
        metadata.put("endTime", time.toString());
        metadata.put("target", target);
        metadata.put("verb", verb);
        metadata.put("apiVersion", "v1");
        node.put("done", true);
        ObjectNode typed = HttpExchanges.JSON.createObjectNode();
        typed.put("@type", responseType);
        if (response != null) {
            response.properties().forEach(field -> typed.set(field.getKey(), field.getValue()));
        }
        node.set("response", typed);
        return node;
    }

    static ObjectNode execution(ExecutionRecord record, boolean full) {
        ObjectNode node = HttpExchanges.JSON.createObjectNode();
        node.put("name", record.name());
        node.put("startTime", record.startTime().toString());
        Instant end = record.endTime();
        if (end != null) {
            node.put("endTime", end.toString());
            Duration duration = Duration.between(record.startTime(), end);
            node.put("duration", duration.getSeconds() + "." + String.format("%09d", duration.getNano()) + "s");
        }
        ExecutionState state = record.state();
        node.put("state", state.name());
        node.put("workflowRevisionId", record.revisionId());
        if (!full) {
            return node;
        }
        if (record.argument() != null) {
            node.put("argument", record.argument());
        }
        if (state == ExecutionState.SUCCEEDED) {
            node.put("result", record.result());
        }
        ExecutionError error = record.error();
        if (error != null) {
            node.set("error", error(error));
        }
        node.put("callLogLevel", record.callLogLevel());
        Execution execution = record.execution();
        if (execution != null) {
            ObjectNode step = node.putObject("status").putArray("currentSteps").addObject();
            step.put("routine", execution.currentRoutine());
            step.put("step", execution.currentStep());
        }
        node.set("labels", stringMap(record.labels()));
        return node;
    }

    private static ObjectNode error(ExecutionError error) {
        ObjectNode node = HttpExchanges.JSON.createObjectNode();
        node.put("payload", error.payload());
        node.put("context", error.context());
        ArrayNode elements = node.putObject("stackTrace").putArray("elements");
        for (ExecutionError.StackFrame frame : error.stackTrace()) {
            ObjectNode element = elements.addObject();
            element.put("step", frame.step());
            element.put("routine", frame.routine());
            ObjectNode position = element.putObject("position");
            position.put("line", String.valueOf(frame.line()));
            position.put("column", String.valueOf(frame.column()));
            position.put("length", "0");
        }
        return node;
    }

    static ObjectNode stringMap(Map<String, String> map) {
        ObjectNode node = HttpExchanges.JSON.createObjectNode();
        map.forEach(node::put);
        return node;
    }

    /** A JSON object of strings as a map; null when absent; INVALID_ARGUMENT for other shapes. */
    static Map<String, String> readStringMap(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw ApiError.invalid(field + " must be an object of strings");
        }
        Map<String, String> map = new HashMap<>();
        node.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asText()));
        return map;
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
