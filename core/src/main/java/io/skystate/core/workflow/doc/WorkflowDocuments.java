package io.skystate.core.workflow.doc;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.skystate.api.workflow.InvalidWorkflowException;
import io.skystate.api.workflow.WorkflowDefinition;

/**
 * Reads and writes workflow definitions as JSON or YAML documents in Skystate's portable format:
 * <pre>{@code
 * name: order
 * version: 1
 * startAt: reserve
 * timeout: PT1H
 * steps:
 *   reserve: {type: task, handler: reserveInventory, resultPath: $.reservation, next: route}
 *   route:
 *     type: choice
 *     rules: [{when: {path: $.total, op: gt, number: 100}, next: big}]
 *     otherwise: small
 *   ...
 * }</pre>
 * Step types are {@code task}, {@code awaitCallback}, {@code awaitEvent} ({@code event}, {@code timeout},
 * {@code resultPath}, {@code next}, {@code catch}), {@code choice}, {@code parallel}, {@code wait}, {@code succeed} and
 * {@code fail}. Parsing reports every structural problem (unknown types, operators and fields,
 * missing or malformed values) at once in an {@link InvalidWorkflowException}; semantic checks are left to the
 * engine's validator. {@code parse(toJson(d))} and {@code parse(toYaml(d))} equal {@code d}. Thread-safe.
 */
public final class WorkflowDocuments {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private WorkflowDocuments() {
    }

    /** Parses JSON when the document's first non-blank character is <code>{</code>, YAML otherwise. */
    public static WorkflowDefinition parse(String document) {
        if (document == null || document.isBlank()) {
            throw Problems.single("document: empty");
        }
        return document.strip().startsWith("{") ? parseJson(document) : parseYaml(document);
    }

    public static WorkflowDefinition parseJson(String document) {
        return DefinitionReader.read(tree(JSON, "JSON", document));
    }

    public static WorkflowDefinition parseYaml(String document) {
        return DefinitionReader.read(tree(YAML, "YAML", document));
    }

    /** Pretty-printed JSON. */
    public static String toJson(WorkflowDefinition definition) {
        return write(JSON, definition).replace("\r\n", "\n");
    }

    public static String toYaml(WorkflowDefinition definition) {
        return write(YAML, definition);
    }

    private static String write(ObjectMapper mapper, WorkflowDefinition definition) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(DefinitionWriter.write(definition));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write workflow '" + definition.name() + "'", e);
        }
    }

    private static JsonNode tree(ObjectMapper mapper, String format, String document) {
        if (document == null || document.isBlank()) {
            throw Problems.single("document: empty");
        }
        try {
            return mapper.readTree(document);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw Problems.single("document: malformed " + format + where + ": " + e.getOriginalMessage());
        }
    }
}
