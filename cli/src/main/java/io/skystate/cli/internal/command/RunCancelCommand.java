package io.skystate.cli.internal.command;

import io.skystate.api.Skystate;
import io.skystate.api.workflow.Workflows;
import io.skystate.cli.ExitCode;
import io.skystate.cli.internal.output.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skystate run cancel ID}: no further steps run; pending callbacks stop accepting completions. */
@Command(name = "cancel", description = "Cancel a running run: no further steps run, and its pending callbacks stop"
        + " accepting completions. Prints the run afterwards.")
final class RunCancelCommand extends SkystateCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "Instance id.")
    String instanceId;

    @Option(names = {"-r", "--reason"}, defaultValue = "cancelled with the skystate command", paramLabel = "TEXT",
            description = "Why (recorded as the run's cause).")
    String reason;

    @Override
    ExitCode execute(Skystate skystate, Output output) {
        Workflows workflows = skystate.workflows();
        workflows.cancel(instanceId, reason);
        output.record(RunViews.run(workflows.run(instanceId)));
        return ExitCode.OK;
    }
}
