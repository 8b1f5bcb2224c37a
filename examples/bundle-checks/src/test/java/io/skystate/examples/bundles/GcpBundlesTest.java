package io.skystate.examples.bundles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.skystate.gcpworkflows.WorkflowsRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples' Google Cloud bundles: {@code bash -n} and shellcheck on the deploy script, the script run to its end
 * against a recording {@code gcloud}, Skystate's Workflows runner's check on every Workflows YAML, the function's
 * layout, the manifest's digests.
 */
class GcpBundlesTest {
    /** Workflows ids: a letter first, then letters, digits, {@code -} and {@code _}, a letter or digit last. */
    private static final String WORKFLOW_ID = "[A-Za-z][A-Za-z0-9_-]{0,62}[A-Za-z0-9]";

    static Stream<Named<Path>> bundles() {
        return Bundles.of("gcp");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void deployScriptPassesBashAndShellcheck(Path bundle) throws Exception {
        assertThat(Files.isExecutable(bundle.resolve("deploy.sh"))).isTrue();
        Bundles.Result bash = Bundles.run(bundle, List.of("bash", "-n", "deploy.sh"));
        assertThat(bash.exitCode()).as("bash -n:%n%s", bash.output()).isZero();
        Bundles.Result shellcheck = Bundles.run(bundle, List.of(Bundles.tool(".emulators/venv/bin/shellcheck"),
                "--shell=bash", "--severity=style", "deploy.sh"));
        assertThat(shellcheck.exitCode()).as("shellcheck:%n%s", shellcheck.output()).isZero();
        assertThat(shellcheck.output()).as("shellcheck").isBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void everyWorkflowPassesTheWorkflowsRunnersCheckAndIsDeployedByTheScript(Path bundle) throws Exception {
        JsonNode workflows = Bundles.manifest(bundle).path("workflows");
        assertThat(workflows).isNotEmpty();
        String script = Files.readString(bundle.resolve("deploy.sh"));
        for (JsonNode workflow : workflows) {
            String file = workflow.path("file").asText();
            String id = workflow.path("resource").asText();
            assertThat(file).matches("workflows/.+-v[0-9]+\\.yaml");
            assertThat(WorkflowsRunner.check(Files.readString(bundle.resolve(file), StandardCharsets.UTF_8)))
                    .as("Workflows runner's check of %s", file).isEmpty();
            assertThat(id).matches(WORKFLOW_ID);
            assertThat(script).contains("gcloud workflows deploy " + id + " --source=" + file + " ");
        }
        assertThat(workflows.findValuesAsText("resource")).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void deployScriptRunsToItsEndAgainstARecordingGcloud(Path bundle, @TempDir Path dir) throws Exception {
        Path log = dir.resolve("gcloud.log");
        Path gcloud = Files.createDirectories(dir.resolve("bin")).resolve("gcloud");
        Files.writeString(gcloud, "#!/usr/bin/env bash\necho \"$*\" >> '" + log + "'\n"
                + "case \"$*\" in *'projects describe'*) echo 123456;;"
                + " *'functions describe'*) echo https://fn.example.run.app;; esac\n");
        assertThat(gcloud.toFile().setExecutable(true)).isTrue();
        Bundles.Result run = Bundles.run(bundle, List.of("env", "PATH=" + gcloud.getParent() + ":/usr/bin:/bin",
                "PROJECT=p", "REGION=europe-west1", "bash", "deploy.sh"));
        assertThat(run.exitCode()).as("deploy.sh:%n%s", run.output()).isZero();
        List<String> calls = Files.readAllLines(log);
        List<String> deployed = new ArrayList<>();
        for (String call : calls) {
            if (call.startsWith("workflows deploy ")) {
                String source = call.replaceAll(".* --source=(\\S+).*", "$1");
                assertThat(bundle.resolve(source)).as("source of %s", call).exists();
                deployed.add(call.split(" ")[2]);
            }
        }
        assertThat(deployed).containsExactlyInAnyOrderElementsOf(Bundles.manifest(bundle).path("workflows")
                .findValuesAsText("resource"));
        assertThat(calls).anyMatch(c -> c.startsWith("functions deploy ") && c.contains("--source=function")
                && c.contains("--no-allow-unauthenticated") && c.contains("SKYSTATE_WORKFLOWS_LOCATION=europe-west1"));
        assertThat(calls).anyMatch(c -> c.startsWith("scheduler jobs create http ")
                && c.contains("--uri=https://fn.example.run.app/skystate/workflow-tasks/sweep"));
        assertThat(calls).noneMatch(c -> c.contains("--allow-unauthenticated"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void functionHoldsTheAppJarAndOnlyTheGcpAdapterOnItsClassPath(Path bundle) throws Exception {
        Path function = bundle.resolve("function");
        Path jar;
        try (Stream<Path> files = Files.list(function)) {
            jar = files.filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
        }
        try (JarFile app = new JarFile(jar.toFile())) {
            List<String> classPath = List.of(app.getManifest().getMainAttributes().getValue("Class-Path").split(" "));
            classPath.forEach(entry -> assertThat(function.resolve(entry)).exists());
            assertThat(classPath).anyMatch(e -> e.matches("libs/skystate-adapter-gcp-.*\\.jar"))
                    .noneMatch(e -> e.matches("libs/skystate-adapter-(local|aws|azure)-.*"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void manifestDescribesEveryFileAndReadmeHasTheCommands(Path bundle) throws Exception {
        Bundles.manifestMatchesFiles(bundle);
        JsonNode manifest = Bundles.manifest(bundle);
        assertThat(manifest.path("cloud").asText()).isEqualTo("gcp");
        assertThat(manifest.path("resources").toString()).contains("cloudfunctions.function", "workflows.workflow",
                "cloudscheduler.job");
        assertThat(manifest.path("configuration").toString()).contains("SKYSTATE_WORKFLOWS_LOCATION");
        assertThat(Files.readString(bundle.resolve("README.md"))).contains("./deploy.sh", "## Workflows",
                "gcloud workflows delete", "gcloud functions delete");
    }
}
