package io.skystate.cli.internal.command;

import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.cli.ExitCode;
import io.skystate.cli.internal.output.Output;
import io.skystate.core.workflow.doc.MermaidDiagram;
import io.skystate.core.workflow.doc.WorkflowDocuments;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skystate workflow render FILE}: the definition as a Mermaid diagram, or normalised JSON or YAML. */
@Command(name = "render", description = "Print a definition document as a Mermaid state diagram (paste it into any"
        + " Mermaid viewer), or rewritten as normalised JSON or YAML.")
final class WorkflowRenderCommand extends OfflineCommand {
    /** What to render. */
    enum RenderFormat { MERMAID, JSON, YAML }

    @Parameters(index = "0", paramLabel = "FILE", description = "Definition document, JSON or YAML ('-' reads standard input).")
    Path file;

    @Option(names = {"-f", "--format"}, defaultValue = "mermaid", paramLabel = "FORMAT",
            description = "mermaid (default), json or yaml.")
    RenderFormat format;

    @Override
    ExitCode execute(Output output) {
        WorkflowDefinition definition = DefinitionFile.read(file);
        output.text(switch (format) {
            case MERMAID -> MermaidDiagram.of(definition);
            case JSON -> WorkflowDocuments.toJson(definition);
            case YAML -> WorkflowDocuments.toYaml(definition);
        });
        return ExitCode.OK;
    }
}
