package io.skystate.cli.internal.command;

import picocli.CommandLine.Command;

/** {@code skystate run}: start, find, inspect and steer workflow runs. */
@Command(name = "run", description = "Start, list, inspect, cancel, signal and redrive workflow runs.",
        subcommands = {RunStartCommand.class, RunListCommand.class, RunShowCommand.class, RunHistoryCommand.class,
            RunCancelCommand.class, RunSignalCommand.class, RunRedriveCommand.class})
final class RunCommand {
}
