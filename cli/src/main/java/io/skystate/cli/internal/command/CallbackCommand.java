package io.skystate.cli.internal.command;

import picocli.CommandLine.Command;

/** {@code skystate callback}: the callback steps runs are waiting on, and resolving them. */
@Command(name = "callback", description = "List the callbacks runs are waiting on; complete or fail them by token.",
        subcommands = {CallbackListCommand.class, CallbackCompleteCommand.class, CallbackFailCommand.class})
final class CallbackCommand {
}
