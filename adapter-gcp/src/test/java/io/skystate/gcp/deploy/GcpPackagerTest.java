package io.skystate.gcp.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.core.deploy.Application;
import io.skystate.core.deploy.BundleWriter;
import io.skystate.core.deploy.DeploymentPackager;
import io.skystate.emulators.RepoPaths;
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
        Path classes = Files.createDirectories(dir.resolve("classes/io/example"));
        Files.writeString(classes.resolve("Handlers.class"), "classes");
        Path lib = Files.writeString(dir.resolve("adapter.jar"), "adapter");
        Path other = Files.writeString(dir.resolve("other.jar"), "other");
        return new Application(name, Optional.empty(), Set.of("notify", "record"), workflows, Set.of("events-log"),
                Set.of("notifications"), new Application.Code(dir.resolve("classes"), new TreeMap<>(Map.of(
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

    @Test
    void packagingTwiceGivesByteIdenticalBundles() throws Exception {
        Application app = app("notifier", List.of());
        Path one = bundle(app, "one");
        Path two = bundle(app, "two");
        var files = BundleWriter.tree(one, "");
        assertThat(files.keySet()).isEqualTo(BundleWriter.tree(two, "").keySet());
        for (var file : files.entrySet()) {
            assertThat(Files.readAllBytes(two.resolve(file.getKey()))).as(file.getKey())
                    .isEqualTo(Files.readAllBytes(file.getValue()));
        }
    }

    @Test
    void workflowsAreRefusedUntilThePackagerBundlesCloudWorkflows() throws Exception {
        WorkflowDefinition flow = WorkflowDefinition.builder("flow", 1).startAt("a").task("a", "notify", t -> { }).build();
        Application app = app("notifier", List.of(flow));
        assertThatThrownBy(() -> bundle(app, "b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gcp: cannot deploy workflows [flow v1]");
    }
}
