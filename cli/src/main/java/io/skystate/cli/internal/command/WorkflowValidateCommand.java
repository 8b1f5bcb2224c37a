package io.skystate.cli.internal.command;

import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.cli.ExitCode;
import io.skystate.cli.internal.output.Output;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skystate workflow validate FILE}: every problem core's validator finds, with the portability problems grouped
 * by the cloud that cannot run the construct. Exits {@link ExitCode#INVALID} when there is any.
 */
@Command(name = "validate", description = {"Check a definition document the way every engine does when it is registered,"
        + " under the portable rules: names, transitions, reachability, termination, paths, durations, and constructs"
        + " some cloud cannot run (listed per cloud).", "Exits 5 when there are problems."})
final class WorkflowValidateCommand extends OfflineCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "Definition document, JSON or YAML ('-' reads standard input).")
    Path file;

    @Option(names = "--handlers", split = ",", paramLabel = "NAME",
            description = "Handler names that exist; when given, a task naming any other handler is a problem.")
    List<String> handlers = List.of();

    @Override
    ExitCode execute(Output output) {
        WorkflowDefinition definition = DefinitionFile.read(file);
        Set<String> known = new LinkedHashSet<>(handlers);
        List<String> problems = DefinitionFile.problems(definition, known);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("workflow", definition.name());
        result.put("version", definition.version());
        result.put("valid", problems.isEmpty());
        result.put("problems", problems);
        Map<String, Object> clouds = new LinkedHashMap<>();
        DefinitionFile.byCloud(problems).forEach((cloud, found) -> clouds.put(cloud, found.isEmpty() ? "ok" : found));
        result.put("portability", clouds);
        if (output.format() == io.skystate.cli.internal.output.Format.JSON) {
            output.record(result);
        } else {
            output.out().println(definition.name() + " v" + definition.version() + ": "
                    + (problems.isEmpty() ? "valid" : problems.size() + " problem" + (problems.size() == 1 ? "" : "s")));
            problems.forEach(p -> output.out().println("  - " + p));
            output.out().println("portability:");
            DefinitionFile.byCloud(problems).forEach((cloud, found) ->
                    output.out().println("  " + cloud + ": " + (found.isEmpty() ? "ok" : found.size() + " problem"
                            + (found.size() == 1 ? "" : "s"))));
            output.out().flush();
        }
        return problems.isEmpty() ? ExitCode.OK : ExitCode.INVALID;
    }
}
