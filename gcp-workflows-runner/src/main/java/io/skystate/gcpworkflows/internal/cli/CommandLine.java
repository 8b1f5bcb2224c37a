package io.skystate.gcpworkflows.internal.cli;

import io.skystate.gcpworkflows.ExecutionOutcome;
import io.skystate.gcpworkflows.ExecutionState;
import io.skystate.gcpworkflows.InvalidWorkflowException;
import io.skystate.gcpworkflows.Problem;
import io.skystate.gcpworkflows.RequestRejectedException;
import io.skystate.gcpworkflows.RunnerOptions;
import io.skystate.gcpworkflows.WorkflowsRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses and runs the commands {@code run}, {@code check} and {@code serve}. Exit codes: 0 success, 1 the
 * execution failed or was cancelled, 2 usage error, unreadable file, or a workflow with unsupported or invalid
 * constructs. Not thread-safe; one instance per invocation.
 */
public final class CommandLine {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    static final String USAGE_TEXT = String.join("\n",
            "Skystate's Workflows runner - runs Google Cloud Workflows YAML locally (not Google's engine).",
            "",
            "Usage:",
            "  run <workflow.yaml> [--data JSON | --data-file FILE] [--port N] [--project ID] [--location L]",
            "      Runs the workflow; prints the result JSON (exit 0) or the error payload (exit 1).",
            "  check <workflow.yaml>...",
            "      Parses the workflows and lists unsupported or invalid constructs (exit 2 if any).",
            "  serve [--port 8089] [--bind 127.0.0.1] [--project ID] [--location L]",
            "      Serves the Workflows and Executions REST APIs (HTTP/JSON) until stopped.",
            "",
            "Exit codes: 0 success, 1 execution failed or cancelled, 2 usage error or unsupported workflow.");

    private final PrintStream out;
    private final PrintStream err;
    private final Runnable awaitStop;

    /** {@code awaitStop} blocks while {@code serve} serves (until the process is asked to stop). */
    public CommandLine(PrintStream out, PrintStream err, Runnable awaitStop) {
        this.out = out;
        this.err = err;
        this.awaitStop = awaitStop;
    }

    public int execute(String[] args) {
        try {
            Options options = Options.parse(args);
            switch (options.command()) {
                case "run":
                    return run(options);
                case "check":
                    return check(options);
                case "serve":
                    return serve(options);
                case "help":
                    out.println(USAGE_TEXT);
                    return OK;
                default:
                    throw new UsageException("unknown command '" + options.command() + "'");
            }
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println();
            err.println(USAGE_TEXT);
            return USAGE;
        }
    }

    private int run(Options options) {
        String source = read(options.single("workflow file"));
        String data = options.value("--data");
        String dataFile = options.value("--data-file");
        if (data != null && dataFile != null) {
            throw new UsageException("give --data or --data-file, not both");
        }
        if (dataFile != null) {
            data = read(dataFile);
        }
        RunnerOptions runnerOptions = options.runnerOptions(0)
                .logSink(entry -> err.println("[" + entry.severity() + "] " + entry.message())).build();
        try (WorkflowsRunner runner = WorkflowsRunner.start(runnerOptions)) {
            ExecutionOutcome outcome = runner.execute(source, data);
            if (outcome.state() == ExecutionState.SUCCEEDED) {
                out.println(outcome.result());
                return OK;
            }
            if (outcome.error() != null) {
                out.println(outcome.error().payload());
                err.println("execution " + outcome.state() + ": " + outcome.error().context());
            } else {
                err.println("execution " + outcome.state());
            }
            return FAILED;
        } catch (InvalidWorkflowException e) {
            printProblems(options.single("workflow file"), e.problems());
            return USAGE;
        } catch (RequestRejectedException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private int check(Options options) {
        if (options.positional().isEmpty()) {
            throw new UsageException("check needs at least one workflow file");
        }
        boolean clean = true;
        for (String file : options.positional()) {
            List<Problem> problems = WorkflowsRunner.check(read(file));
            if (problems.isEmpty()) {
                out.println(file + ": OK");
            } else {
                clean = false;
                printProblems(file, problems);
            }
        }
        return clean ? OK : USAGE;
    }

    private int serve(Options options) {
        if (!options.positional().isEmpty()) {
            throw new UsageException("serve takes no files");
        }
        try (WorkflowsRunner runner = WorkflowsRunner.start(options.runnerOptions(8089).build())) {
            out.println("Skystate's Workflows runner serving the Workflows and Executions APIs at "
                    + runner.endpoint() + " (project " + runner.options().projectId() + ", location "
                    + runner.options().location() + "); in memory only");
            out.flush();
            awaitStop.run();
        }
        return OK;
    }

    private void printProblems(String file, List<Problem> problems) {
        for (Problem problem : problems) {
            out.println(file + ":" + problem.line() + ":" + problem.column() + ": " + problem);
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** A command line that does not make sense; exit code 2. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** The parsed arguments: a command, {@code --name value} options and positional arguments. */
    record Options(String command, java.util.Map<String, String> named, List<String> positional) {
        private static final List<String> KNOWN = List.of("--data", "--data-file", "--port", "--bind", "--project",
                "--location");

        static Options parse(String[] args) {
            if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
                return new Options("help", java.util.Map.of(), List.of());
            }
            java.util.Map<String, String> named = new java.util.HashMap<>();
            List<String> positional = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--help") || arg.equals("-h")) {
                    return new Options("help", java.util.Map.of(), List.of());
                }
                if (arg.startsWith("--")) {
                    String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                    if (!KNOWN.contains(name)) {
                        throw new UsageException("unknown option " + name);
                    }
                    String value;
                    if (arg.contains("=")) {
                        value = arg.substring(arg.indexOf('=') + 1);
                    } else if (i + 1 < args.length) {
                        value = args[++i];
                    } else {
                        throw new UsageException(name + " needs a value");
                    }
                    named.put(name, value);
                } else {
                    positional.add(arg);
                }
            }
            return new Options(args[0], named, positional);
        }

        String value(String name) {
            return named.get(name);
        }

        String single(String what) {
            if (positional.size() != 1) {
                throw new UsageException(command + " needs exactly one " + what);
            }
            return positional.get(0);
        }

        RunnerOptions.Builder runnerOptions(int defaultPort) {
            RunnerOptions.Builder builder = RunnerOptions.builder();
            try {
                builder.port(named.containsKey("--port") ? Integer.parseInt(named.get("--port")) : defaultPort);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--port must be a number from 0 to 65535");
            }
            if (named.containsKey("--bind")) {
                builder.bindAddress(named.get("--bind"));
            }
            if (named.containsKey("--project")) {
                builder.projectId(named.get("--project"));
            }
            if (named.containsKey("--location")) {
                builder.location(named.get("--location"));
            }
            return builder;
        }
    }
}
