package io.skystate.cli;

import io.skystate.cli.internal.command.RootCommand;
import io.skystate.cli.internal.output.Failures;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/**
 * The {@code skystate} command line: workflows, runs, callbacks, state, queues and the local dashboard, on whichever
 * adapter is on the class path (the local one in the runnable jar). {@link #main} exits with an {@link ExitCode};
 * {@link #commandLine} builds the same command for in-process use (tests, embedding) with its own output streams and
 * environment.
 */
public final class SkystateCli {
    private SkystateCli() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = commandLine(out, err, System.getenv()).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * The command, writing results to {@code out} and diagnostics (errors, progress) to {@code err}, reading its
     * fallback settings ({@code SKYSTATE_PROVIDER}, {@code SKYSTATE_CONFIG}, {@code SKYSTATE_OUTPUT}) from {@code env}.
     * Run it with {@link CommandLine#execute}; it returns an {@link ExitCode#code()}.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> env) {
        RootCommand root = new RootCommand(out, err, env);
        CommandLine line = new CommandLine(root);
        line.setOut(out);
        line.setErr(err);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setExecutionExceptionHandler(new Failures(err));
        line.setExitCodeExceptionMapper(Failures::exitCode);
        return line;
    }
}
