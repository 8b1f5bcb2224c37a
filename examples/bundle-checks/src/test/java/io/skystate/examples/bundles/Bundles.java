package io.skystate.examples.bundles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.skystate.emulators.RepoPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/** Where the examples' bundles are, and running a validator on them. */
final class Bundles {
    /** Each example app and the module directory whose {@code target/skystate/} holds its bundles. */
    static final List<String[]> APPS = List.of(
            new String[] {"order-saga", "examples/order-saga-bundles"},
            new String[] {"document-approval", "examples/document-approval"});

    private Bundles() {
    }

    /** The bundle of every example for {@code cloud}, named by app, checked to exist. */
    static Stream<Named<Path>> of(String cloud) {
        return APPS.stream().map(app -> {
            Path bundle = RepoPaths.root().resolve(app[1]).resolve("target/skystate").resolve(cloud);
            assertThat(bundle.resolve("manifest.json"))
                    .as("%s bundle of %s (built by the reactor's package phase)", cloud, app[0]).exists();
            return Named.of(app[0], bundle);
        });
    }

    static JsonNode manifest(Path bundle) throws IOException {
        return JsonMapper.builder().build().readTree(bundle.resolve("manifest.json").toFile());
    }

    /** Every file the manifest lists has the size and SHA-256 it records, and no other file is in the bundle. */
    static void manifestMatchesFiles(Path bundle) throws Exception {
        List<String> listed = new ArrayList<>();
        for (JsonNode file : manifest(bundle).path("files")) {
            Path path = bundle.resolve(file.path("path").asText());
            byte[] bytes = Files.readAllBytes(path);
            assertThat(bytes.length).as("size of %s", path).isEqualTo(file.path("bytes").asLong());
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                    .as("sha256 of %s", path).isEqualTo(file.path("sha256").asText());
            listed.add(file.path("path").asText());
        }
        listed.add("manifest.json");
        try (Stream<Path> walk = Files.walk(bundle)) {
            assertThat(walk.filter(Files::isRegularFile).map(p -> bundle.relativize(p).toString().replace('\\', '/')))
                    .containsExactlyInAnyOrderElementsOf(listed);
        }
    }

    /** Runs a validator in {@code directory}; returns its exit code and output (standard output and error). */
    static Result run(Path directory, List<String> command) throws Exception {
        return run(new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true), command, null);
    }

    /**
     * Runs a validator whose standard output is a report (JSON), keeping its standard error (warnings, progress) out
     * of {@link Result#output()} and in {@link Result#errors()}.
     */
    static Result runForReport(Path directory, List<String> command) throws Exception {
        Path errors = Files.createTempFile("validator", ".err");
        try {
            return run(new ProcessBuilder(command).directory(directory.toFile()).redirectError(errors.toFile()),
                    command, errors);
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private static Result run(ProcessBuilder builder, List<String> command, Path errors) throws Exception {
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish");
        }
        return new Result(process.exitValue(), output, errors == null ? "" : Files.readString(errors));
    }

    /** A validator's exit code, its output, and its standard error when kept apart. */
    record Result(int exitCode, String output, String errors) {
    }

    /** An installed tool under the repository root, checked to be there. */
    static String tool(String relative) {
        Path tool = RepoPaths.root().resolve(relative);
        assertThat(Files.isExecutable(tool)).as("%s (run scripts/install-emulators.sh)", tool).isTrue();
        return tool.toString();
    }
}
