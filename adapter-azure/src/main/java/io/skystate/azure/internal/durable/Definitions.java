package io.skystate.azure.internal.durable;

import io.skystate.api.workflow.Step;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.core.workflow.doc.WorkflowDocuments;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses the pinned definition document an orchestration carries, once per document text per process (replays
 * parse the same text every time: the cache is keyed by the text, so it cannot change what a replay sees), and
 * resolves a scope ({@code ""}, {@code "fan/1/"}, nested as {@code "fan/1/inner/0/"}) to its steps. Thread-safe.
 */
final class Definitions {
    private static final int MAX_CACHED = 256;
    private static final Map<String, WorkflowDefinition> PARSED = new ConcurrentHashMap<>();

    private Definitions() {
    }

    static WorkflowDefinition parse(String document) {
        WorkflowDefinition cached = PARSED.get(document);
        if (cached != null) {
            return cached;
        }
        WorkflowDefinition parsed = WorkflowDocuments.parseJson(document);
        if (PARSED.size() >= MAX_CACHED) {
            PARSED.clear();
        }
        PARSED.put(document, parsed);
        return parsed;
    }

    /** The steps of a scope: the definition's own for {@code ""}, else a parallel branch's. */
    static Map<String, Step> steps(WorkflowDefinition definition, String scope) {
        Map<String, Step> steps = definition.steps();
        if (scope.isEmpty()) {
            return steps;
        }
        String[] parts = scope.split("/");
        for (int i = 0; i + 1 < parts.length; i += 2) {
            Step.Parallel parallel = (Step.Parallel) steps.get(parts[i]);
            steps = parallel.branches().get(Integer.parseInt(parts[i + 1])).steps();
        }
        return steps;
    }
}
