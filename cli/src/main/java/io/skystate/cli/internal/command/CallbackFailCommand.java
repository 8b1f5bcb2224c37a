package io.skystate.cli.internal.command;

import io.skystate.api.Skystate;
import io.skystate.cli.ExitCode;
import io.skystate.cli.internal.output.Output;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skystate callback fail TOKEN --error E}: fails the callback step, as the external party would. */
@Command(name = "fail", description = {"Fail the callback step waiting on TOKEN with an error name (which the step's"
        + " retry and catch rules match) and a cause.",
    "Exits 4 if the callback was already resolved, 5 if the token is invalid or expired."})
final class CallbackFailCommand extends SkystateCommand {
    @Parameters(index = "0", paramLabel = "TOKEN", description = "The callback token (see callback list).")
    String token;

    @Option(names = {"-e", "--error"}, required = true, paramLabel = "NAME", description = "Error name, such as PaymentDeclined.")
    String error;

    @Option(names = {"-c", "--cause"}, defaultValue = "failed with the skystate command", paramLabel = "TEXT",
            description = "Human-readable cause.")
    String cause;

    @Override
    ExitCode execute(Skystate skystate, Output output) {
        skystate.workflows().failCallback(token, error, cause);
        Map<String, Object> done = new LinkedHashMap<>();
        done.put("callback", "failed");
        done.put("error", error);
        output.record(done);
        return ExitCode.OK;
    }
}
