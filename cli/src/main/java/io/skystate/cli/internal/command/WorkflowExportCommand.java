package io.skystate.cli.internal.command;

import io.skystate.api.workflow.InvalidWorkflowException;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.cli.ExitCode;
import io.skystate.cli.internal.output.CliException;
import io.skystate.cli.internal.output.Output;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skystate workflow export FILE --target asl|sam}: the definition compiled for AWS Step Functions by the AWS
 * adapter's own compiler (through its public {@code SamTemplate}). Google Cloud Workflows is not a target: no public
 * compiler for it is on main yet.
 */
@Command(name = "export", description = {"Compile a definition document for a cloud, with the adapter's own compiler:",
    "  asl  the Amazon States Language state machine (tasks go to the worker queue ${TaskQueueUrl})",
    "  sam  a whole AWS SAM template deploying it (tables, queues, state machine, worker function)",
    "Needs skystate-adapter-aws on the class path (SKYSTATE_CLASSPATH). The definition is validated first (exit 5)."})
final class WorkflowExportCommand extends OfflineCommand {
    /** Export targets. */
    enum Target { ASL, SAM }

    @Parameters(index = "0", paramLabel = "FILE", description = "Definition document, JSON or YAML ('-' reads standard input).")
    Path file;

    @Option(names = {"-t", "--target"}, required = true, paramLabel = "TARGET", description = "asl or sam.")
    Target target;

    @Override
    ExitCode execute(Output output) {
        WorkflowDefinition definition = DefinitionFile.read(file);
        List<String> problems = DefinitionFile.problems(definition, Set.of());
        if (!problems.isEmpty()) {
            throw new InvalidWorkflowException("skystate", definition.name(), problems);
        }
        try {
            output.text(target == Target.ASL ? AwsExport.asl(definition) : AwsExport.sam(definition));
        } catch (NoClassDefFoundError e) {
            throw new CliException(ExitCode.UNSUPPORTED, "export to " + target.name().toLowerCase(java.util.Locale.ROOT)
                    + " needs the AWS adapter (skystate-adapter-aws and its dependencies) on the class path: set"
                    + " SKYSTATE_CLASSPATH", e);
        }
        return ExitCode.OK;
    }
}
