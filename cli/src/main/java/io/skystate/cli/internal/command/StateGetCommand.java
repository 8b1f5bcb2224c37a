package io.skystate.cli.internal.command;

import io.skystate.api.NotFoundException;
import io.skystate.api.Skystate;
import io.skystate.api.state.Key;
import io.skystate.api.state.StateEntry;
import io.skystate.cli.ExitCode;
import io.skystate.cli.internal.output.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code skystate state get STORE GROUP ID}: one record with its version and expiry; exit 3 when absent. */
@Command(name = "get", description = "Print a record: its value (JSON, or Base64 bytes), version and expiry. Exits 3 when"
        + " there is none (or it expired).")
final class StateGetCommand extends SkystateCommand {
    @Parameters(index = "0", paramLabel = "STORE", description = "Store name.")
    String store;

    @Parameters(index = "1", paramLabel = "GROUP", description = "Key group (partition).")
    String group;

    @Parameters(index = "2", paramLabel = "ID", description = "Key id within the group.")
    String id;

    @Override
    ExitCode execute(Skystate skystate, Output output) {
        StateEntry entry = skystate.stateStore(store).get(Key.of(group, id)).orElseThrow(() -> new NotFoundException(
                skystate.provider(), "no record " + group + "/" + id + " in store '" + store + "'"));
        output.record(StateViews.entry(entry));
        return ExitCode.OK;
    }
}
