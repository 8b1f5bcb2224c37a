package io.skystate.cli.internal.command;

import io.skystate.cli.ExitCode;
import io.skystate.cli.internal.output.Output;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A leaf command that needs no provider (it works on files), so it runs without any configuration. */
abstract class OfflineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        return execute(((RootCommand) spec.root().userObject()).output()).code();
    }

    abstract ExitCode execute(Output output) throws Exception;
}
