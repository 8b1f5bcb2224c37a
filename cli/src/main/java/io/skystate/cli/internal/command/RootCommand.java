package io.skystate.cli.internal.command;

import io.skystate.api.Skystate;
import io.skystate.cli.internal.config.Connector;
import io.skystate.cli.internal.config.Settings;
import io.skystate.cli.internal.output.Format;
import io.skystate.cli.internal.output.Output;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code skystate}: the global options (which provider, its properties, output format) and the command groups. The
 * options are inherited, so they may follow a subcommand too ({@code skystate run list -o json}).
 */
@Command(name = "skystate", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class, sortOptions = false, usageHelpAutoWidth = true,
        description = "Operate Skystate applications: workflows, runs, callbacks, state, queues, and a local dashboard,"
                + " on whichever adapter is on the class path (the local SQLite adapter by default).",
        footerHeading = "%nExit codes:%n",
        footer = {"  0 ok  1 failure  2 usage  3 not found  4 conflict  5 invalid input  6 unsupported",
            "  7 configuration  8 run ended unsuccessfully  9 run still running",
            "%nEnvironment: SKYSTATE_PROVIDER, SKYSTATE_CONFIG (a properties file), SKYSTATE_OUTPUT (table|json);"
                + " the launcher adds SKYSTATE_CLASSPATH (adapters, handler modules) to the class path."},
        subcommands = {WorkflowCommand.class, RunCommand.class, CallbackCommand.class, StateCommand.class,
            QueueCommand.class, DashboardCommand.class, AutoComplete.GenerateCompletion.class})
public final class RootCommand {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> env;

    @Option(names = "--provider", scope = ScopeType.INHERIT, paramLabel = "ID",
            description = "Adapter to use: local, aws, azure, gcp (default: $SKYSTATE_PROVIDER, else the only one on"
                    + " the class path).")
    private String provider;

    @Option(names = {"-p", "--property"}, scope = ScopeType.INHERIT, paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Provider property, such as local.path=app.db or aws.region=eu-west-1; repeatable.")
    private Map<String, String> properties = new LinkedHashMap<>();

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Properties file with provider properties (and optionally provider=ID); default"
                    + " $SKYSTATE_CONFIG. -p wins over it.")
    private Path configFile;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            description = "table or json (default: $SKYSTATE_OUTPUT, else table).")
    private Format format;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "No progress output on standard error.")
    private boolean quiet;

    @Option(names = "--no-modules", scope = ScopeType.INHERIT, negatable = false,
            description = "Do not load the HandlerModules found on the class path.")
    private boolean noModules;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of unexpected failures.")
    private boolean debug;

    public RootCommand(PrintWriter out, PrintWriter err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
    }

    /** The effective configuration. */
    public Settings.Resolved settings() {
        return Settings.resolve(provider, properties, configFile, env);
    }

    /** Opens the configured provider, with the class path's handler modules unless {@code --no-modules}. */
    public Skystate open() {
        return Connector.open(settings(), !noModules);
    }

    public Output output() {
        Format chosen = Optional.ofNullable(format)
                .or(() -> Optional.ofNullable(env.get("SKYSTATE_OUTPUT")).filter(s -> !s.isBlank())
                        .map(s -> Format.valueOf(s.trim().toUpperCase(java.util.Locale.ROOT))))
                .orElse(Format.TABLE);
        return new Output(out, err, chosen, quiet);
    }

    public boolean loadModules() {
        return !noModules;
    }
}
