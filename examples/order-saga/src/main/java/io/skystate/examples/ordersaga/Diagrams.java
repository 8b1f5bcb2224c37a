package io.skystate.examples.ordersaga;

import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.core.workflow.doc.MermaidDiagram;

/** Tooling outside the application's logic: renders a definition as a Mermaid state diagram. */
final class Diagrams {
    private Diagrams() {
    }

    static String mermaid(WorkflowDefinition definition) {
        return MermaidDiagram.of(definition);
    }
}
