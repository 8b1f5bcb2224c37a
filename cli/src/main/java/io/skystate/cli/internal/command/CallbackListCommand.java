package io.skystate.cli.internal.command;

import io.skystate.api.Skystate;
import io.skystate.api.workflow.PendingCallback;
import io.skystate.cli.ExitCode;
import io.skystate.cli.internal.output.Output;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skystate callback list}: pending callbacks with their tokens, of one run or of every running run. */
@Command(name = "list", description = {"List the callback steps that are waiting, with the tokens that resolve them:"
        + " of one run (--run), or of every running run (of one workflow with --workflow).",
    "Whoever can list pending callbacks can resolve them: treat the tokens as secrets."})
final class CallbackListCommand extends SkystateCommand {
    @Option(names = {"-r", "--run"}, paramLabel = "ID", description = "Only this run's callbacks.")
    String instanceId;

    @Option(names = {"-w", "--workflow"}, paramLabel = "NAME", description = "Only runs of this workflow.")
    String workflow;

    @Option(names = "--max-runs", defaultValue = "1000", paramLabel = "N",
            description = "Look at no more than this many running runs (default 1000).")
    int maxRuns;

    @Override
    ExitCode execute(Skystate skystate, Output output) {
        List<PendingCallback> callbacks = instanceId != null
                ? skystate.workflows().pendingCallbacks(instanceId)
                : PendingCallbacks.ofRunningRuns(skystate.workflows(), Optional.ofNullable(workflow), maxRuns);
        Output.Table table = RunViews.callbacks(callbacks);
        output.table(table.columns(), table.rows());
        return ExitCode.OK;
    }
}
