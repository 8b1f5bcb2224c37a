package io.skystate.cli.internal.command;

import io.skystate.api.Skystate;
import io.skystate.cli.ExitCode;
import io.skystate.cli.internal.output.Output;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skystate callback complete TOKEN}: completes the callback step waiting on the token with a JSON result. */
@Command(name = "complete", description = {"Complete the callback step waiting on TOKEN with a JSON result; the run"
        + " goes on with it.", "Exits 4 if the callback was already resolved, 5 if the token is invalid or expired."})
final class CallbackCompleteCommand extends SkystateCommand {
    @Parameters(index = "0", paramLabel = "TOKEN", description = "The callback token (see callback list).")
    String token;

    @Option(names = "--result", paramLabel = "JSON", description = "Result document (default {}).")
    String result;

    @Option(names = "--result-file", paramLabel = "FILE", description = "Read the result from a file ('-': standard input).")
    Path resultFile;

    @Override
    ExitCode execute(Skystate skystate, Output output) {
        skystate.workflows().completeCallback(token, Inputs.json(result, resultFile, "{}", "the result"));
        Map<String, Object> done = new LinkedHashMap<>();
        done.put("callback", "completed");
        output.record(done);
        return ExitCode.OK;
    }
}
