package io.skystate.cli.internal.command;

import io.skystate.api.Skystate;
import io.skystate.api.queue.MessageQueue;
import io.skystate.api.queue.ReceivedMessage;
import io.skystate.cli.ExitCode;
import io.skystate.cli.internal.output.Output;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skystate queue receive QUEUE}: a real receive, not a peek. The portable queue API has no peek: every receive
 * is a delivery (the message's delivery count grows) and hides the message for a visibility timeout. Without
 * {@code --ack} the messages come back to other consumers once {@code --visibility} (default 1 s) has passed.
 */
@Command(name = "receive", description = {"Receive up to --max messages and print them. This is a real delivery, not a"
        + " peek (the portable queue API has none): each message's delivery count grows and it is hidden from other"
        + " consumers for --visibility (default 1s); without --ack it then becomes visible again.",
    "With --ack the messages are deleted (consumed). Do not use it on the engine's own queues."})
final class QueueReceiveCommand extends SkystateCommand {
    static final List<String> COLUMNS = List.of("messageId", "deliveries", "attributes", "body");

    @Parameters(index = "0", paramLabel = "QUEUE", description = "Queue name.")
    String queue;

    @Option(names = {"-n", "--max"}, defaultValue = "10", paramLabel = "N", description = "At most this many, 1-10 (default 10).")
    int max;

    @Option(names = "--visibility", defaultValue = "1s", paramLabel = "DURATION",
            description = "Hide the received messages this long, up to 10m (default 1s).")
    String visibility;

    @Option(names = "--wait", defaultValue = "0s", paramLabel = "DURATION",
            description = "Wait up to this long (at most 20s) for a first message (default 0s).")
    String wait;

    @Option(names = "--ack", description = "Delete the received messages.")
    boolean ack;

    @Override
    ExitCode execute(Skystate skystate, Output output) {
        MessageQueue messages = skystate.queue(queue);
        List<ReceivedMessage> received = messages.receive(max, Inputs.duration(visibility), Inputs.duration(wait));
        List<List<Object>> rows = new ArrayList<>();
        for (ReceivedMessage message : received) {
            rows.add(List.of(message.messageId(), message.deliveryCount(), message.attributes(), message.bodyText()));
            if (ack) {
                messages.ack(message.receipt());
            }
        }
        output.table(COLUMNS, rows);
        output.note(received.size() + " message(s) received" + (ack ? " and deleted" : "; hidden for " + visibility
                + ", then visible again"));
        return ExitCode.OK;
    }
}
