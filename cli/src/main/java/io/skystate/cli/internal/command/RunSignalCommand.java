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

/** {@code skystate run signal ID EVENT}: sends an event to a running run's awaitEvent steps. */
@Command(name = "signal", description = {"Send an event with a JSON payload to a running run, for its awaitEvent steps"
        + " (kept until consumed, oldest first). Every call is a new event.",
    "Exits 4 if the run has finished."})
final class RunSignalCommand extends SkystateCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "Instance id.")
    String instanceId;

    @Parameters(index = "1", paramLabel = "EVENT", description = "Event name.")
    String event;

    @Option(names = "--payload", paramLabel = "JSON", description = "Payload document (default {}).")
    String payload;

    @Option(names = "--payload-file", paramLabel = "FILE", description = "Read the payload from a file ('-': standard input).")
    Path payloadFile;

    @Override
    ExitCode execute(Skystate skystate, Output output) {
        skystate.workflows().signal(instanceId, event, Inputs.json(payload, payloadFile, "{}", "the payload"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("instance", instanceId);
        result.put("event", event);
        result.put("recorded", true);
        output.record(result);
        return ExitCode.OK;
    }
}
