package io.skystate.cli.internal.command;

import io.skystate.api.Capabilities;
import io.skystate.api.Capability;
import io.skystate.api.WorkflowPortability;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.core.workflow.Portability;
import io.skystate.core.workflow.WorkflowValidator;
import io.skystate.core.workflow.doc.WorkflowDocuments;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A definition document read from a file and judged by core's validator, the one every engine uses: structural
 * problems raise {@link io.skystate.api.workflow.InvalidWorkflowException} when the file is parsed; semantic and
 * portability problems are listed by {@link #problems}.
 */
final class DefinitionFile {
    /**
     * The local adapter's workflow capabilities: under PORTABLE every non-portable construct is still a problem, and
     * the message says that the local adapter runs it with {@code workflows.portability=adapter-extras}.
     */
    private static final Capabilities JUDGE = new Capabilities("local", Set.of(
            Capability.WORKFLOW_COMPENSATION_IN_BRANCHES, Capability.WORKFLOW_WIDE_PARALLEL,
            Capability.WORKFLOW_EVENTS_IN_BRANCHES), 25, 400 * 1024);

    private DefinitionFile() {
    }

    static WorkflowDefinition read(Path file) {
        return WorkflowDocuments.parse(Inputs.read(file));
    }

    /**
     * Every problem of {@code definition} under {@link WorkflowPortability#PORTABLE}; handlers not named in
     * {@code knownHandlers} are problems only when that set is not empty (a document alone says nothing of them).
     */
    static List<String> problems(WorkflowDefinition definition, Set<String> knownHandlers) {
        return WorkflowValidator.problems(definition, name -> knownHandlers.isEmpty() || knownHandlers.contains(name),
                JUDGE, WorkflowPortability.PORTABLE);
    }

    /** The portability problems among {@code problems}, by the cloud that cannot run the construct. */
    static Map<String, List<String>> byCloud(List<String> problems) {
        Map<String, List<String>> clouds = new LinkedHashMap<>();
        for (Portability.Construct construct : Portability.Construct.values()) {
            List<String> found = new ArrayList<>();
            for (String problem : problems) {
                if (problem.contains(": " + construct.cloud() + " cannot run it")) {
                    found.add(problem);
                }
            }
            clouds.merge(construct.cloud(), found, (a, b) -> {
                List<String> all = new ArrayList<>(a);
                all.addAll(b);
                return all;
            });
        }
        return clouds;
    }
}
