package io.skystate.cli.internal.command;

import io.skystate.api.Skystate;
import io.skystate.api.queue.Message;
import io.skystate.cli.ExitCode;
import io.skystate.cli.internal.output.CliException;
import io.skystate.cli.internal.output.Output;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skystate queue send QUEUE BODY}: sends one message; prints its id. */
@Command(name = "send", description = "Send one message (the body as text, or a file's bytes) with optional attributes;"
        + " prints its id. Exits 5 over the portable size limit (48 KiB with attributes).")
final class QueueSendCommand extends SkystateCommand {
    @Parameters(index = "0", paramLabel = "QUEUE", description = "Queue name.")
    String queue;

    @Parameters(index = "1", arity = "0..1", paramLabel = "BODY", description = "Message body text.")
    String body;

    @Option(names = "--file", paramLabel = "FILE", description = "Send the file's bytes as the body ('-': standard input).")
    Path file;

    @Option(names = {"-a", "--attribute"}, paramLabel = "NAME=VALUE", description = "Message attribute; repeatable.")
    Map<String, String> attributes = new LinkedHashMap<>();

    @Override
    ExitCode execute(Skystate skystate, Output output) {
        if ((body == null) == (file == null)) {
            throw new CliException(ExitCode.USAGE, "give the body either as BODY or with --file, not both or neither");
        }
        byte[] bytes = file != null ? Inputs.readBytes(file) : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String id = skystate.queue(queue).send(new Message(bytes, attributes));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("queue", queue);
        result.put("messageId", id);
        output.record(result);
        return ExitCode.OK;
    }
}
