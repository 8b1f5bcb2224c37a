package io.skystate.cli.internal.command;

import io.skystate.api.Skystate;
import io.skystate.cli.ExitCode;
import io.skystate.cli.internal.output.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code skystate run history ID}: the run's step executions in the order they started. */
@Command(name = "history", description = "List a run's step executions in the order they started, compensations included.")
final class RunHistoryCommand extends SkystateCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "Instance id.")
    String instanceId;

    @Override
    ExitCode execute(Skystate skystate, Output output) {
        Output.Table steps = RunViews.steps(skystate.workflows().history(instanceId));
        output.table(steps.columns(), steps.rows());
        return ExitCode.OK;
    }
}
