package io.skystate.cli.internal.command;

import picocli.CommandLine.Command;

/** {@code skystate state}: read and write records of a state store. */
@Command(name = "state", description = "Read, write, list and delete records of a state store (STORE GROUP ID).",
        subcommands = {StateGetCommand.class, StatePutCommand.class, StateListCommand.class, StateDeleteCommand.class})
final class StateCommand {
}
