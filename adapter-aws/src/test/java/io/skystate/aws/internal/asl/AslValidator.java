package io.skystate.aws.internal.asl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.emulators.RepoPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the pinned npm {@code asl-validator} (installed by {@code scripts/install-emulators.sh} into
 * {@code emulators/node_modules}) on a compiled definition, found under {@link RepoPaths#root()}.
 */
public final class AslValidator {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AslValidator() {
    }

    /** The validator's verdict: exit code 0 means valid; {@code output} holds its messages. */
    public record Result(int exitCode, String output) {
        public boolean valid() {
            return exitCode == 0;
        }
    }

    public static Path executable() {
        Path bin = RepoPaths.root().resolve("emulators/node_modules/.bin/asl-validator");
        if (!Files.isExecutable(bin)) {
            throw new IllegalStateException(bin + " is missing: run scripts/install-emulators.sh");
        }
        return bin;
    }

    public static Result validate(String name, ObjectNode asl) {
        try {
            Path dir = Files.createDirectories(Paths.get("target", "asl"));
            Path file = dir.resolve(name + ".asl.json");
            Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(asl), StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(List.of(executable().toString(), "--json-path", file.toString()))
                    .redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("asl-validator did not finish");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run asl-validator", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
