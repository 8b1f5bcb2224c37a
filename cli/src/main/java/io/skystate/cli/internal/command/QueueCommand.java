package io.skystate.cli.internal.command;

import picocli.CommandLine.Command;

/** {@code skystate queue}: send to and receive from a completion queue. */
@Command(name = "queue", description = "Send messages to a queue and receive them (there is no true peek: see receive).",
        subcommands = {QueueSendCommand.class, QueueReceiveCommand.class})
final class QueueCommand {
}
