package io.skystate.cli.internal.command;

import io.skystate.api.Skystate;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.Page;
import io.skystate.api.state.StateEntry;
import io.skystate.cli.ExitCode;
import io.skystate.cli.internal.output.Format;
import io.skystate.cli.internal.output.Output;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skystate state list STORE GROUP}: one page of a group's records in key order. */
@Command(name = "list", description = {"List one page of a group's records in key order.",
    "Prints the cursor of the next page on standard error (JSON output: as nextCursor)."})
final class StateListCommand extends SkystateCommand {
    @Parameters(index = "0", paramLabel = "STORE", description = "Store name.")
    String store;

    @Parameters(index = "1", paramLabel = "GROUP", description = "Key group (partition).")
    String group;

    @Option(names = {"-n", "--limit"}, defaultValue = "50", paramLabel = "N", description = "Page size, 1-1000 (default 50).")
    int limit;

    @Option(names = "--cursor", paramLabel = "CURSOR", description = "The page a previous listing named.")
    String cursor;

    @Override
    ExitCode execute(Skystate skystate, Output output) {
        Page page = skystate.stateStore(store).list(new ListRequest(group, limit, Optional.ofNullable(cursor)));
        List<List<Object>> rows = new ArrayList<>();
        for (StateEntry entry : page.entries()) {
            rows.add(StateViews.row(entry));
        }
        if (output.format() == Format.JSON) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("entries", new Output.Table(StateViews.COLUMNS, rows));
            result.put("nextCursor", page.nextCursor());
            output.sections(result);
        } else {
            output.table(StateViews.COLUMNS, rows);
            page.nextCursor().ifPresent(c -> output.note("more: --cursor " + c));
        }
        return ExitCode.OK;
    }
}
