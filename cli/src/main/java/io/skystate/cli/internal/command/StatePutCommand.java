package io.skystate.cli.internal.command;

import io.skystate.api.Skystate;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateValue;
import io.skystate.api.state.Version;
import io.skystate.cli.ExitCode;
import io.skystate.cli.internal.output.Output;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skystate state put STORE GROUP ID}: writes a JSON or byte record, optionally conditionally and expiring. */
@Command(name = "put", description = {"Write a record (JSON with --json/--json-file, bytes with --bytes-file);"
        + " prints its new version.", "Exits 4 if --if-absent or --if-version does not hold (nothing is written)."})
final class StatePutCommand extends SkystateCommand {
    @Parameters(index = "0", paramLabel = "STORE", description = "Store name.")
    String store;

    @Parameters(index = "1", paramLabel = "GROUP", description = "Key group (partition).")
    String group;

    @Parameters(index = "2", paramLabel = "ID", description = "Key id within the group.")
    String id;

    @ArgGroup(multiplicity = "1")
    Value value;

    @ArgGroup
    Guard guard;

    @Option(names = "--ttl", paramLabel = "DURATION", description = "Expire after this long (30s, 5m, 2h, 1d).")
    String ttl;

    /** Exactly one source of the value. */
    static final class Value {
        @Option(names = "--json", paramLabel = "JSON", description = "The JSON document.")
        String json;

        @Option(names = "--json-file", paramLabel = "FILE", description = "Read the JSON document from a file ('-': stdin).")
        Path jsonFile;

        @Option(names = "--bytes-file", paramLabel = "FILE", description = "Store the file's bytes as a byte value.")
        Path bytesFile;
    }

    /** At most one condition. */
    static final class Guard {
        @Option(names = "--if-absent", description = "Write only if there is no record.")
        boolean ifAbsent;

        @Option(names = "--if-version", paramLabel = "VERSION", description = "Write only if the record has this version.")
        String ifVersion;
    }

    @Override
    ExitCode execute(Skystate skystate, Output output) {
        StateValue stateValue = value.bytesFile != null ? StateValue.bytes(Inputs.readBytes(value.bytesFile))
                : StateValue.json(Inputs.json(value.json, value.jsonFile, null, "the value"));
        PutOptions options = guard == null ? PutOptions.always()
                : guard.ifVersion != null ? PutOptions.ifVersion(new Version(guard.ifVersion)) : PutOptions.ifAbsent();
        if (ttl != null) {
            options = options.expiringAt(Instant.now().plus(Inputs.duration(ttl)));
        }
        Version version = skystate.stateStore(store).put(Key.of(group, id), stateValue, options);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("group", group);
        result.put("id", id);
        result.put("version", version.value());
        output.record(result);
        return ExitCode.OK;
    }
}
