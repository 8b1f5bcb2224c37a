package io.skystate.azure.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs checkov (pinned in {@code emulators/checkov-requirements.txt}, installed into {@code .emulators/checkov} by
 * {@code scripts/install-emulators.sh}) on an ARM template: it parses the template as Azure Resource Manager would
 * read its resources and applies its Azure policy checks. Returns the parse errors and failed checks.
 */
final class Checkov {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What checkov found. */
    record Result(int parsingErrors, int passed, List<String> failed, String output) {
    }

    private Checkov() {
    }

    static Path executable() {
        Path root = Path.of(System.getProperty("skystate.emulators.dir", "..")).toAbsolutePath().normalize();
        Path checkov = root.resolve(".emulators/checkov/bin/checkov");
        if (!Files.isExecutable(checkov)) {
            throw new IllegalStateException(checkov + " is missing: run scripts/install-emulators.sh");
        }
        return checkov;
    }

    static Result check(Path template, List<String> skipped) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable().toString(), "-f", template.toString(), "--framework",
                "arm", "-o", "json", "--compact", "--quiet", "--skip-download"));
        if (!skipped.isEmpty()) {
            command.add("--skip-check");
            command.add(String.join(",", skipped));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("checkov did not finish");
        }
        String output = new String(out, StandardCharsets.UTF_8);
        JsonNode report = JSON.readTree(output.isBlank() ? "{}" : output);
        if (report.isArray()) {
            report = report.get(0);
        }
        JsonNode summary = report.path("summary");
        List<String> failed = new ArrayList<>();
        report.path("results").path("failed_checks").forEach(c -> failed.add(c.path("check_id").asText() + " "
                + c.path("check_name").asText() + " (" + c.path("resource").asText() + ")"));
        if (summary.isMissingNode()) {
            throw new IllegalStateException("checkov gave no report: " + output + errors);
        }
        return new Result(summary.path("parsing_errors").asInt(), summary.path("passed").asInt(), failed, output + errors);
    }
}
