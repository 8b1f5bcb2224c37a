package io.skystate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code skystate} in-process through picocli's {@code CommandLine.execute}, on a local-adapter database file,
 * and captures what it printed and its exit code.
 */
public final class Cli {
    private final Path database;
    private final Map<String, String> env;

    public Cli(Path database) {
        this(database, Map.of("SKYSTATE_PROVIDER", "local"));
    }

    public Cli(Path database, Map<String, String> env) {
        this.database = database;
        this.env = env;
    }

    /** What one command printed and how it exited. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    /** Runs {@code args} with {@code -p local.path=<database>} appended. */
    public Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-p");
        all.add("local.path=" + database);
        return raw(all.toArray(String[]::new));
    }

    /** Runs {@code args} as given. */
    public Result raw(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SkystateCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), env).execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
