package io.skystate.gcp.deploy;

import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.core.workflow.doc.WorkflowDocuments;
import io.skystate.gcp.internal.workflows.WorkflowIds;
import io.skystate.gcp.internal.workflows.yaml.YamlCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Deploy artifacts for Cloud Workflows: the generated Workflows YAML of a portable definition, its workflow id, and
 * the {@code gcloud workflows deploy} command that deploys it. The engine deploys definitions itself when they are
 * registered; these are for pipelines that deploy ahead of time (the engine then finds the same source and leaves
 * it). The YAML names no environment: the function URL and run id arrive in each execution's argument.
 *
 * <p>Command line: {@code java -cp ... io.skystate.gcp.deploy.CloudWorkflowsYaml OUT_DIR DEFINITION...} writes
 * {@code <workflow id>.yaml} for each portable definition document (JSON or YAML) and prints the deploy commands.
 * Stateless and thread-safe.
 */
public final class CloudWorkflowsYaml {
    /** The workflow id prefix the engine uses by default. */
    public static final String DEFAULT_PREFIX = "skystate-";

    private CloudWorkflowsYaml() {
    }

    /** The Workflows source of {@code definition} (validate it first: see core's {@code WorkflowValidator}). */
    public static String generate(WorkflowDefinition definition) {
        return YamlCompiler.compile(definition);
    }

    /** The Workflows workflow id the engine deploys {@code definition} as, with {@code prefix}. */
    public static String workflowId(String prefix, WorkflowDefinition definition) {
        return WorkflowIds.id(prefix, definition.name(), definition.version());
    }

    /**
     * {@code gcloud workflows deploy <id> --source=<file> --location=<location> --service-account=<account>}: the
     * service account needs {@code roles/run.invoker} (or {@code cloudfunctions.invoker}) on the function.
     */
    public static String deployCommand(String workflowId, Path source, String location, String serviceAccount) {
        return deployCommand(workflowId, source.toString(), location, serviceAccount);
    }

    /**
     * As {@link #deployCommand(String, Path, String, String)}, the source spelled as given (a bundle's script names
     * its files with {@code /} on every platform; location and account may be shell expressions).
     */
    public static String deployCommand(String workflowId, String source, String location, String serviceAccount) {
        return "gcloud workflows deploy " + workflowId + " --source=" + source + " --location=" + location
                + " --service-account=" + serviceAccount;
    }

    /** Writes {@code <workflow id>.yaml} into {@code directory}; returns the file. */
    public static Path write(Path directory, String prefix, WorkflowDefinition definition) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(workflowId(prefix, definition) + ".yaml");
        Files.writeString(file, generate(definition), StandardCharsets.UTF_8);
        return file;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: CloudWorkflowsYaml OUT_DIR DEFINITION.(json|yaml)...");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            WorkflowDefinition definition = WorkflowDocuments.parse(Files.readString(Path.of(args[i])));
            Path file = write(out, DEFAULT_PREFIX, definition);
            System.out.println(deployCommand(workflowId(DEFAULT_PREFIX, definition), file, "LOCATION",
                    "SERVICE_ACCOUNT"));
        }
    }
}
