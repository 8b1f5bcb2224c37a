package io.skystate.cli.internal.dashboard;

import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.core.workflow.doc.MermaidDiagram;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The workflow's Mermaid diagram (core's {@link MermaidDiagram}) with the run painted on it: the steps running now
 * highlighted, the ones that succeeded, failed or were caught coloured. Only top-level steps whose name is their
 * diagram id (a plain identifier that is not a Mermaid keyword) are painted; the others stay as drawn.
 */
final class RunDiagram {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Set<String> KEYWORDS = Set.of("end", "state", "note", "direction", "as", "class", "classdef",
            "style", "click", "left", "right", "of", "choice", "fork", "join", "scale", "hide", "acctitle", "accdescr");

    private RunDiagram() {
    }

    static String of(WorkflowDefinition definition, List<StepExecution> history) {
        Map<String, String> classes = new LinkedHashMap<>();
        for (StepExecution step : history) {
            boolean simple = !step.kind().equals("choice") && !step.kind().equals("parallel");
            if (simple && !step.path().contains("/") && definition.steps().containsKey(step.path())
                    && PLAIN.matcher(step.path()).matches() && !step.path().toLowerCase(java.util.Locale.ROOT).startsWith("default")
                    && !KEYWORDS.contains(step.path().toLowerCase(java.util.Locale.ROOT))) {
                classes.put(step.path(), switch (step.outcome()) {
                    case RUNNING -> "current";
                    case SUCCEEDED -> "done";
                    case CAUGHT -> "caught";
                    case FAILED, CANCELLED -> "failed";
                });
            }
        }
        StringBuilder diagram = new StringBuilder(MermaidDiagram.of(definition));
        diagram.append("    classDef current fill:#ffd54f,stroke:#e65100,stroke-width:3px\n");
        diagram.append("    classDef done fill:#c8e6c9,stroke:#2e7d32\n");
        diagram.append("    classDef caught fill:#ffe0b2,stroke:#ef6c00\n");
        diagram.append("    classDef failed fill:#ffcdd2,stroke:#c62828\n");
        classes.forEach((step, css) -> diagram.append("    class ").append(step).append(' ').append(css).append('\n'));
        return diagram.toString();
    }

    /** The steps painted as running now, for the page's legend. */
    static List<String> current(List<StepExecution> history) {
        return history.stream().filter(s -> s.outcome() == StepExecution.Outcome.RUNNING).map(StepExecution::path).toList();
    }
}
