package io.skystate.cli.internal.command;

import io.skystate.api.Skystate;
import io.skystate.cli.ExitCode;
import io.skystate.cli.internal.output.Output;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A leaf command that works on an open provider: opens it with the global options, runs, closes it, and exits
 * with the {@link ExitCode} {@link #execute} returns. Failures propagate to {@code Failures}, which prints them.
 */
abstract class SkystateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        RootCommand root = root();
        Output output = root.output();
        try (Skystate skystate = root.open()) {
            return execute(skystate, output).code();
        }
    }

    /** The command's work. */
    abstract ExitCode execute(Skystate skystate, Output output) throws Exception;

    RootCommand root() {
        return (RootCommand) spec.root().userObject();
    }
}
