package io.skystate.gcp.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.core.deploy.Application;
import io.skystate.core.deploy.BundleWriter;
import io.skystate.core.deploy.DeploymentPackager;
import io.skystate.emulators.RepoPaths;
import io.skystate.gcpworkflows.WorkflowsRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcpPackagerTest {
    @TempDir
    Path dir;

    private Application app(String name, List<WorkflowDefinition> workflows) throws Exception {
        return app(name, workflows, Set.of("notifications"));
    }

    private Application app(String name, List<WorkflowDefinition> workflows, Set<String> queues) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes/io/example"));
        Files.writeString(classes.resolve("Handlers.class"), "classes");
        Path lib = Files.writeString(dir.resolve("adapter.jar"), "adapter");
        Path other = Files.writeString(dir.resolve("other.jar"), "other");
        return new Application(name, Optional.empty(), Set.of("notify", "record"), workflows, Set.of("events-log"),
                queues, new Application.Code(dir.resolve("classes"), new TreeMap<>(Map.of(
                        "skystate-adapter-gcp-1.0.jar", lib, "a-library-with-a-rather-long-file-name-1.2.3.jar", other))),
                Instant.parse("2025-01-01T00:00:00Z"));
    }

    private Path bundle(Application app, String out) throws Exception {
        BundleWriter writer = new BundleWriter(dir.resolve(out), app, "gcp");
        new GcpPackager().write(app, writer);
        writer.finish();
        return dir.resolve(out);
    }

    @Test
    void entryPointsAreNamedWithoutLoadingTheirClasses() {
        assertThat(GcloudCommands.HTTP_ENTRY_POINT).isEqualTo(io.skystate.gcp.functions.SkystateHttpFunction.class.getName());
        assertThat(GcloudCommands.EVENT_ENTRY_POINT).isEqualTo(io.skystate.gcp.functions.SkystateEventFunction.class.getName());
    }

    @Test
    void isFoundWithServiceLoader() {
        assertThat(ServiceLoader.load(DeploymentPackager.class).stream().map(p -> p.get().cloud())).contains("gcp");
    }

    @Test
    void bundleHoldsAThinJarWithItsLibrariesAndAScriptThatPassesBashAndShellcheck() throws Exception {
        Path bundle = bundle(app("Notifier App", List.of()), "b");
        try (JarFile jar = new JarFile(bundle.resolve("function/notifier-app.jar").toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Class-Path")).isEqualTo(
                    "libs/a-library-with-a-rather-long-file-name-1.2.3.jar libs/skystate-adapter-gcp-1.0.jar");
            assertThat(jar.getEntry("io/example/Handlers.class")).isNotNull();
        }
        assertThat(bundle.resolve("function/libs/skystate-adapter-gcp-1.0.jar")).exists();
        String script = Files.readString(bundle.resolve("deploy.sh"));
        assertThat(script).contains("gcloud functions deploy notifier-app-http", "--source=function",
                "gcloud pubsub topics create notifier-app-notifications ");
        Process bash = new ProcessBuilder("bash", "-n", "deploy.sh").directory(bundle.toFile()).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(output).isZero();
        Path shellcheck = RepoPaths.root().resolve(".emulators/venv/bin/shellcheck");
        assertThat(Files.isExecutable(shellcheck)).as("%s (run scripts/install-emulators.sh)", shellcheck).isTrue();
        Process check = new ProcessBuilder(shellcheck.toString(), "--shell=bash", "--severity=style", "deploy.sh")
                .directory(bundle.toFile()).redirectErrorStream(true).start();
        String findings = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as("shellcheck:%n%s", findings).isZero();
        assertThat(Files.isExecutable(bundle.resolve("deploy.sh"))).isTrue();
        assertThat(Files.readString(bundle.resolve("manifest.json"))).contains("\"name\" : \"notifier-app-http\"",
                "SKYSTATE_KMS_KEY", "notifier-app-notifications-dead-letter");
        assertThat(Files.readString(bundle.resolve("README.md"))).contains("PROJECT=my-project REGION=europe-west1 ./deploy.sh");
    }

    private static WorkflowDefinition flow(String name) {
        return WorkflowDefinition.builder(name, 1).startAt("a").task("a", "notify", t -> t.next("b"))
                .awaitCallback("b", "record", java.time.Duration.ofMinutes(5), c -> { }).build();
    }

    @Test
    void packagingTwiceGivesByteIdenticalBundles() throws Exception {
        Application app = app("notifier", List.of(flow("flow")));
        Path one = bundle(app, "one");
        Path two = bundle(app, "two");
        var files = BundleWriter.tree(one, "");
        assertThat(files.keySet()).contains("workflows/flow-v1.yaml").isEqualTo(BundleWriter.tree(two, "").keySet());
        for (var file : files.entrySet()) {
            assertThat(Files.readAllBytes(two.resolve(file.getKey()))).as(file.getKey())
                    .isEqualTo(Files.readAllBytes(file.getValue()));
        }
    }

    @Test
    void workflowsAreBundledAsTheirWorkflowsYamlWithDeployCommandsSettingsAndManifestEntries() throws Exception {
        WorkflowDefinition flow = flow("flow");
        Path bundle = bundle(app("notifier", List.of(flow)), "b");
        String yaml = Files.readString(bundle.resolve("workflows/flow-v1.yaml"));
        assertThat(yaml).isEqualTo(CloudWorkflowsYaml.generate(flow));
        assertThat(WorkflowsRunner.check(yaml)).isEmpty();

        String script = Files.readString(bundle.resolve("deploy.sh"));
        assertThat(script).contains("gcloud workflows deploy notifier-flow-v1 --source=workflows/flow-v1.yaml"
                        + " --location=\"$REGION\" --service-account=\"$WORKFLOWS_SA\" --project=\"$PROJECT\"",
                "SKYSTATE_WORKFLOWS_LOCATION=$REGION,SKYSTATE_WORKFLOWS_SERVICE_ACCOUNT=$WORKFLOWS_SA",
                "--no-allow-unauthenticated", "gcloud scheduler jobs create http notifier-workflows-sweep",
                "--uri=\"$BASE_URL/skystate/workflow-tasks/sweep\"")
                .doesNotContain("--allow-unauthenticated ");
        assertThat(shell(bundle, "bash", "-n", "deploy.sh")).isEmpty();
        assertThat(shell(bundle, RepoPaths.root().resolve(".emulators/venv/bin/shellcheck").toString(), "--shell=bash",
                "--severity=style", "deploy.sh")).isEmpty();

        JsonNode manifest = JsonMapper.builder().build().readTree(bundle.resolve("manifest.json").toFile());
        JsonNode workflow = manifest.path("workflows").get(0);
        assertThat(workflow.path("name").asText()).isEqualTo("flow");
        assertThat(workflow.path("file").asText()).isEqualTo("workflows/flow-v1.yaml");
        assertThat(workflow.toString()).contains("notifier-flow-v1");
        assertThat(manifest.path("resources").toString()).contains("workflows.workflow", "cloudscheduler.job",
                "skystate-workflows", "skystate-claims", "skystate-workflow-callbacks");
        assertThat(manifest.path("configuration").toString()).contains("SKYSTATE_WORKFLOWS_LOCATION",
                "SKYSTATE_WORKFLOWS_ENDPOINT", "SKYSTATE_WORKFLOWS_SERVICE_ACCOUNT");
        assertThat(manifest.path("files").toString()).contains("workflows/flow-v1.yaml");
        assertThat(Files.readString(bundle.resolve("README.md"))).contains("## Workflows", "`notifier-flow-v1`",
                "gcloud workflows delete notifier-flow-v1", "gcloud scheduler jobs delete notifier-workflows-sweep");
    }

    @Test
    void appsWithoutQueuesGetScriptsWithoutPubSubThatPassShellcheck() throws Exception {
        for (List<WorkflowDefinition> workflows : List.of(List.of(flow("flow")), List.<WorkflowDefinition>of())) {
            Path bundle = bundle(app("notifier", workflows, Set.of()), "b" + workflows.size());
            String script = Files.readString(bundle.resolve("deploy.sh"));
            assertThat(script).doesNotContain("pubsub", "PUBSUB_AGENT");
            assertThat(script.contains("PROJECT_NUMBER")).isEqualTo(!workflows.isEmpty());
            assertThat(shell(bundle, RepoPaths.root().resolve(".emulators/venv/bin/shellcheck").toString(),
                    "--shell=bash", "--severity=style", "deploy.sh")).isEmpty();
        }
    }

    @Test
    void workflowIdsStayWithinWorkflowsLimitsAndDistinct() throws Exception {
        String longName = "an-uncommonly-long-workflow-name-that-goes-on-and-on-past-the-limit";
        Path bundle = bundle(app("notifier", List.of(flow(longName), flow(longName + "-too"))), "b");
        List<String> ids = new java.util.ArrayList<>();
        JsonMapper.builder().build().readTree(bundle.resolve("manifest.json").toFile()).path("resources")
                .forEach(r -> {
                    if (r.path("kind").asText().equals("workflows.workflow")) {
                        ids.add(r.path("name").asText());
                    }
                });
        assertThat(ids).hasSize(2).doesNotHaveDuplicates()
                .allMatch(id -> id.length() <= 64 && id.matches("[A-Za-z][A-Za-z0-9_-]*[A-Za-z0-9]"));
        assertThat(bundle.resolve("workflows/" + longName + "-v1.yaml")).exists();
    }

    @Test
    void workflowsWhoseIdsWouldCollideAreRefusedNamingBoth() throws Exception {
        Application app = app("notifier", List.of(flow("a.b"), flow("a-b")));
        assertThatThrownBy(() -> bundle(app, "b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gcp: workflows 'a-b v1' and 'a.b v1' would both be named 'notifier-a-b-v1'");
    }

    private static String shell(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s:%n%s", String.join(" ", command), output).isZero();
        return output;
    }
}
