package io.skystate.cli.internal.command;

import io.skystate.api.Skystate;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.api.workflow.Workflows;
import io.skystate.cli.ExitCode;
import io.skystate.cli.internal.output.Output;
import java.nio.file.Path;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skystate run start WORKFLOW [ID]}: starts a run, and with {@code --wait} follows it to the end, printing each
 * step as progress. Idempotent on the instance id, as {@link Workflows#start} is.
 */
@Command(name = "start", description = {"Start a run of a registered workflow (idempotent on the instance id).",
    "With --wait, follow it to the end printing each step on standard error; exits 8 if it did not succeed and 9 if"
        + " it was still running when --timeout passed.",
    "On the local adapter, steps run in a process that has the workflow's handlers: this command's own while it waits"
        + " (with the application's HandlerModule on SKYSTATE_CLASSPATH), or the application's."})
final class RunStartCommand extends SkystateCommand {
    @Parameters(index = "0", paramLabel = "WORKFLOW", description = "Workflow name.")
    String workflow;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ID", description = "Instance id (default: a random one).")
    String instanceId;

    @Option(names = {"-i", "--input"}, paramLabel = "JSON", description = "Input document (default {}).")
    String input;

    @Option(names = "--input-file", paramLabel = "FILE", description = "Read the input from a file ('-': standard input).")
    Path inputFile;

    @Option(names = "--workflow-version", paramLabel = "N",
            description = "Start this version of the definition rather than the latest.")
    Integer version;

    @Option(names = {"-w", "--wait"}, description = "Follow the run until it finishes.")
    boolean await;

    @Option(names = "--timeout", defaultValue = "5m", paramLabel = "DURATION",
            description = "How long --wait waits (default 5m).")
    String timeout;

    @Override
    ExitCode execute(Skystate skystate, Output output) throws InterruptedException {
        byte[] json = Inputs.json(input, inputFile, "{}", "the input");
        String id = instanceId != null ? instanceId : workflow + "-" + UUID.randomUUID().toString().substring(0, 8);
        Workflows workflows = skystate.workflows();
        WorkflowRun run = version == null ? workflows.start(workflow, id, json)
                : workflows.start(workflow, version, id, json);
        if (!await) {
            output.record(RunViews.run(run));
            return ExitCode.OK;
        }
        output.progress("run " + id + " of " + run.workflow() + " v" + run.version() + " started; following it");
        run = new ProgressWatcher(workflows, output, java.time.Duration.ofMillis(200))
                .follow(id, Inputs.duration(timeout));
        output.record(RunViews.run(run));
        if (!run.status().finished()) {
            return ExitCode.STILL_RUNNING;
        }
        return run.status() == RunStatus.SUCCEEDED ? ExitCode.OK : ExitCode.RUN_UNSUCCESSFUL;
    }
}
