package io.skystate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Help, usage errors, configuration sources, output formats and completion, across every command. */
class GlobalOptionsTest {
    @TempDir
    Path dir;

    @Test
    void everyCommandHasHelpThatExitsOk() {
        Cli cli = new Cli(dir.resolve("skystate.db"));
        List<List<String>> paths = new ArrayList<>();
        java.io.PrintWriter sink = new java.io.PrintWriter(new java.io.StringWriter());
        collect(SkystateCli.commandLine(sink, sink, Map.of()), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(20);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Cli.Result r = cli.raw(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(r.out()).as(String.join(" ", args)).startsWith("Usage: skystate");
        }
    }

    private static void collect(CommandLine line, List<String> path, List<List<String>> into) {
        into.add(path);
        line.getSubcommands().forEach((name, sub) -> {
            if (!name.equals(sub.getCommandName())) {
                return;
            }
            List<String> deeper = new ArrayList<>(path);
            deeper.add(name);
            collect(sub, deeper, into);
        });
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Cli.Result r = new Cli(dir.resolve("skystate.db")).raw("run", "list", "--frobnicate");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("Unknown option: '--frobnicate'").contains("Usage: skystate run list");
    }

    @Test
    void aGroupWithoutASubcommandIsAUsageError() {
        assertThat(new Cli(dir.resolve("skystate.db")).raw("state").exitCode()).isEqualTo(ExitCode.USAGE.code());
    }

    @Test
    void theConfigFileSelectsProviderAndPropertiesAndDashPWinsOverIt() throws Exception {
        Path fromFile = dir.resolve("from-file.db");
        Path config = Files.writeString(dir.resolve("skystate.properties"),
                "provider=local\nlocal.path=" + fromFile + "\n");
        Cli noEnv = new Cli(dir.resolve("unused.db"), Map.of());
        assertThat(noEnv.raw("state", "put", "app", "g", "i", "--json", "1", "--config", config.toString()).exitCode())
                .isZero();
        assertThat(Files.exists(fromFile)).isTrue();
        Path fromFlag = dir.resolve("from-flag.db");
        assertThat(noEnv.raw("state", "put", "app", "g", "i", "--json", "1", "--config", config.toString(),
                "-p", "local.path=" + fromFlag).exitCode()).isZero();
        assertThat(Files.exists(fromFlag)).isTrue();
    }

    @Test
    void theEnvironmentNamesTheConfigFileAndTheOutputFormat() throws Exception {
        Path db = dir.resolve("env.db");
        Path config = Files.writeString(dir.resolve("env.properties"), "provider=local\nlocal.path=" + db + "\n");
        Cli cli = new Cli(dir.resolve("unused.db"), Map.of("SKYSTATE_CONFIG", config.toString(), "SKYSTATE_OUTPUT", "json"));
        Cli.Result r = cli.raw("state", "put", "app", "g", "i", "--json", "1");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("{");
        assertThat(Files.exists(db)).isTrue();
    }

    @Test
    void severalAdaptersWithoutAChoiceIsAConfigurationError() {
        Cli.Result r = new Cli(dir.resolve("skystate.db"), Map.of()).run("state", "get", "app", "g", "i");
        assertThat(r.exitCode()).isEqualTo(ExitCode.CONFIGURATION.code());
        assertThat(r.err()).contains("several Skystate adapters").contains("--provider");
    }

    @Test
    void anUnknownPropertyIsAConfigurationError() {
        Cli.Result r = new Cli(dir.resolve("skystate.db")).run("state", "get", "app", "g", "i", "-p", "local.pth=x");
        assertThat(r.exitCode()).isEqualTo(ExitCode.CONFIGURATION.code());
        assertThat(r.err()).contains("did you mean 'local.path'");
    }

    @Test
    void anUnknownProviderIsAConfigurationError() {
        Cli.Result r = new Cli(dir.resolve("skystate.db")).run("state", "get", "app", "g", "i", "--provider", "nimbus");
        assertThat(r.exitCode()).isEqualTo(ExitCode.CONFIGURATION.code());
        assertThat(r.err()).contains("no Skystate provider for provider 'nimbus'");
    }

    @Test
    void generateCompletionPrintsABashScript() {
        Cli.Result r = new Cli(dir.resolve("skystate.db")).raw("generate-completion");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("complete -F _complete_skystate").contains("callback").contains("redrive");
    }

    @Test
    void versionNamesTheRelease() {
        Cli.Result r = new Cli(dir.resolve("skystate.db")).raw("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("skystate 0.");
    }
}
