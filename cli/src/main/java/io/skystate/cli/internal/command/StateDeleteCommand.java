package io.skystate.cli.internal.command;

import io.skystate.api.NotFoundException;
import io.skystate.api.Skystate;
import io.skystate.api.state.Condition;
import io.skystate.api.state.Key;
import io.skystate.api.state.Version;
import io.skystate.cli.ExitCode;
import io.skystate.cli.internal.output.Output;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skystate state delete STORE GROUP ID}: deletes a record; exit 3 if there was none. */
@Command(name = "delete", description = {"Delete a record.",
    "Exits 3 if there was none, 4 if --if-version does not hold (nothing is deleted)."})
final class StateDeleteCommand extends SkystateCommand {
    @Parameters(index = "0", paramLabel = "STORE", description = "Store name.")
    String store;

    @Parameters(index = "1", paramLabel = "GROUP", description = "Key group (partition).")
    String group;

    @Parameters(index = "2", paramLabel = "ID", description = "Key id within the group.")
    String id;

    @Option(names = "--if-version", paramLabel = "VERSION", description = "Delete only if the record has this version.")
    String ifVersion;

    @Override
    ExitCode execute(Skystate skystate, Output output) {
        Condition condition = ifVersion == null ? Condition.none() : Condition.ifVersion(new Version(ifVersion));
        if (!skystate.stateStore(store).delete(Key.of(group, id), condition)) {
            throw new NotFoundException(skystate.provider(), "no record " + group + "/" + id + " in store '" + store + "'");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("deleted", group + "/" + id);
        output.record(result);
        return ExitCode.OK;
    }
}
