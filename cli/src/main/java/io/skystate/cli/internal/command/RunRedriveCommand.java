package io.skystate.cli.internal.command;

import io.skystate.api.Skystate;
import io.skystate.cli.ExitCode;
import io.skystate.cli.internal.output.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code skystate run redrive ID}: restarts a failed or timed-out run at the step whose failure ended it. */
@Command(name = "redrive", description = {"Restart a failed or timed-out run at the top-level step whose failure ended"
        + " it, with the data that step started with; earlier steps are not run again.",
    "Exits 4 if the run cannot be redriven (running, succeeded, cancelled, compensated, ended at a fail step)."})
final class RunRedriveCommand extends SkystateCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "Instance id.")
    String instanceId;

    @Override
    ExitCode execute(Skystate skystate, Output output) {
        output.record(RunViews.run(skystate.workflows().redrive(instanceId)));
        return ExitCode.OK;
    }
}
