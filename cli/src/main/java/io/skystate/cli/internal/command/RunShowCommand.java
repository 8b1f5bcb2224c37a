package io.skystate.cli.internal.command;

import io.skystate.api.Skystate;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.api.workflow.Workflows;
import io.skystate.cli.ExitCode;
import io.skystate.cli.internal.output.Format;
import io.skystate.cli.internal.output.Output;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skystate run show ID}: the run, the steps running now, its pending callbacks and its history. With
 * {@code --watch} it re-renders whenever that changes until the run finishes (clearing the screen on a terminal).
 */
@Command(name = "show", description = {"Show a run: its status, output or error, the steps running now, pending callbacks"
        + " (with the tokens that resolve them) and its history.",
    "With --watch, re-render on every change until the run finishes; exits 8 if it did not succeed."})
final class RunShowCommand extends SkystateCommand {
    private static final String CLEAR = "\033[H\033[2J";

    @Parameters(index = "0", paramLabel = "ID", description = "Instance id.")
    String instanceId;

    @Option(names = "--watch", description = "Re-render until the run finishes.")
    boolean watch;

    @Option(names = "--interval", defaultValue = "1s", paramLabel = "DURATION",
            description = "How often --watch reads the run (default 1s).")
    String interval;

    @Override
    ExitCode execute(Skystate skystate, Output output) throws InterruptedException {
        Workflows workflows = skystate.workflows();
        if (!watch) {
            output.sections(view(workflows));
            return ExitCode.OK;
        }
        Duration every = Inputs.duration(interval);
        boolean terminal = System.console() != null && output.format() == Format.TABLE;
        String last = null;
        while (true) {
            WorkflowRun run = workflows.run(instanceId);
            String rendered = render(output, view(workflows));
            if (!rendered.equals(last)) {
                output.out().print((terminal ? CLEAR : last == null ? "" : "\n") + rendered);
                output.out().flush();
                last = rendered;
            }
            if (run.status().finished()) {
                return run.status() == RunStatus.SUCCEEDED ? ExitCode.OK : ExitCode.RUN_UNSUCCESSFUL;
            }
            Thread.sleep(every.toMillis());
        }
    }

    private Map<String, Object> view(Workflows workflows) {
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("run", RunViews.run(workflows.run(instanceId)));
        sections.put("current steps", RunViews.steps(workflows.currentSteps(instanceId)));
        try {
            sections.put("pending callbacks", RunViews.callbacks(workflows.pendingCallbacks(instanceId)));
        } catch (UnsupportedOperationException e) {
            sections.put("pending callbacks", "not available from this engine: " + e.getMessage());
        }
        sections.put("history", RunViews.steps(workflows.history(instanceId)));
        return sections;
    }

    private static String render(Output like, Map<String, Object> sections) {
        StringWriter buffer = new StringWriter();
        PrintWriter writer = new PrintWriter(buffer);
        new Output(writer, writer, like.format(), true).sections(sections);
        writer.flush();
        return buffer.toString();
    }
}
