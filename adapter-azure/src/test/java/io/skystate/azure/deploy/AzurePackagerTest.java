package io.skystate.azure.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.azure.functions.DurableWorkflowFunctions;
import io.skystate.azure.functions.SkystateFunctions;
import io.skystate.azure.internal.AzureNames;
import io.skystate.azure.internal.durable.Names;
import io.skystate.azure.internal.durable.DurableEngines;
import io.skystate.core.deploy.Application;
import io.skystate.core.deploy.BundleWriter;
import io.skystate.core.deploy.DeploymentPackager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AzurePackagerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Application app(String name, List<WorkflowDefinition> workflows) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes/io/example"));
        Files.writeString(classes.resolve("Handlers.class"), "classes");
        Path lib = Files.writeString(dir.resolve("adapter.jar"), "adapter");
        return new Application(name, Optional.empty(), Set.of("notify"), workflows, Set.of("events-log"),
                Set.of("notifications"), new Application.Code(dir.resolve("classes"),
                        new TreeMap<>(Map.of("skystate-adapter-azure-1.0.jar", lib))), Instant.parse("2025-01-01T00:00:00Z"));
    }

    private Path bundle(Application app, String out) throws Exception {
        BundleWriter writer = new BundleWriter(dir.resolve(out), app, "azure");
        new AzurePackager().write(app, writer);
        writer.finish();
        return dir.resolve(out);
    }

    @Test
    void isFoundWithServiceLoaderAndDeclaresTheDurableEnginesExtras() {
        DeploymentPackager packager = ServiceLoader.load(DeploymentPackager.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.cloud().equals("azure")).findFirst().orElseThrow();
        assertThat(packager.capabilities().features()).containsAll(DurableEngines.sidecar("localhost", 1).capabilities());
    }

    @Test
    void bundleHoldsTheFunctionAppFolderAndTheArmTemplate() throws Exception {
        Path bundle = bundle(app("Notifier App", List.of()), "b");
        Path app = bundle.resolve("functionapp");
        assertThat(app.resolve("host.json")).exists();
        assertThat(app.resolve("notifier-app.jar")).exists();
        assertThat(app.resolve("lib/skystate-adapter-azure-1.0.jar")).exists();
        JsonNode http = JSON.readTree(app.resolve(SkystateFunctions.HTTP).resolve("function.json").toFile());
        assertThat(http.path("scriptFile").asText()).isEqualTo("../notifier-app.jar");
        assertThat(app.resolve(SkystateFunctions.WORK).resolve("function.json")).exists();
        JsonNode template = JSON.readTree(bundle.resolve("azuredeploy.json").toFile());
        assertThat(template.toString()).contains("notifierapp", "Microsoft.Web/sites", "notifierappevents01log");
        JsonNode manifest = JSON.readTree(bundle.resolve("manifest.json").toFile());
        assertThat(manifest.path("prefix").asText()).isEqualTo("notifierapp");
        assertThat(manifest.path("configuration").toString()).contains("SKYSTATE_KEY_ENCRYPTION_KEY");
        assertThat(Files.readString(bundle.resolve("README.md"))).contains("az deployment group create",
                "az functionapp deployment source config-zip");
    }

    @Test
    void armTemplatePassesCheckov() throws Exception {
        Path bundle = bundle(app("notifier", List.of()), "b");
        Checkov.Result result = Checkov.check(bundle.resolve("azuredeploy.json").toAbsolutePath(), DeployArtifactsIT.SKIPPED);
        assertThat(result.parsingErrors()).as(result.output()).isZero();
        assertThat(result.passed()).as("checks that ran").isGreaterThan(5);
        assertThat(result.failed()).as("failed checks").isEmpty();
    }

    @Test
    void packagingTwiceGivesByteIdenticalBundles() throws Exception {
        WorkflowDefinition flow = WorkflowDefinition.builder("flow", 1).startAt("a").task("a", "notify", t -> { }).build();
        Application app = app("notifier", List.of(flow));
        Path one = bundle(app, "one");
        Path two = bundle(app, "two");
        var files = BundleWriter.tree(one, "");
        assertThat(files.keySet()).isEqualTo(BundleWriter.tree(two, "").keySet()).contains("workflows/flow-v1.json",
                "functionapp/SkystateWorkflow/function.json");
        for (var file : files.entrySet()) {
            assertThat(Files.readAllBytes(two.resolve(file.getKey()))).as(file.getKey())
                    .isEqualTo(Files.readAllBytes(file.getValue()));
        }
    }

    @Test
    void prefixesAreCompactWithinSixteenCharactersAndDistinct() {
        assertThat(AzurePackager.prefix("order-saga")).isEqualTo("ordersaga");
        String a = AzurePackager.prefix("document-approval-service-one");
        String b = AzurePackager.prefix("document-approval-service-two");
        assertThat(a).hasSize(16).matches("[a-z][a-z0-9]*").isNotEqualTo(b);
    }

    @Test
    void workflowsAddTheDurableFunctionsTheirSettingsAndTheirDocuments() throws Exception {
        WorkflowDefinition flow = WorkflowDefinition.builder("flow", 1).startAt("a").task("a", "notify", t -> { }).build();
        Path bundle = bundle(app("notifier", List.of(flow)), "b");
        Path app = bundle.resolve("functionapp");
        assertThat(app.resolve("SkystateWorkflow/function.json")).exists();
        assertThat(app.resolve(DurableWorkflowFunctions.CALLBACKS + "/function.json")).exists();
        assertThat(JSON.readTree(app.resolve("host.json").toFile()).path("extensions").path("durableTask").path("hubName")
                .asText()).isEqualTo("%" + DurableWorkflowFunctions.TASK_HUB_SETTING + "%");
        assertThat(Files.readString(bundle.resolve("azuredeploy.json"))).contains(DurableWorkflowFunctions.TASK_HUB_SETTING);
        assertThat(io.skystate.core.workflow.doc.WorkflowDocuments.parse(
                Files.readString(bundle.resolve("workflows/flow-v1.json")))).isEqualTo(flow);
        assertThat(Files.readString(bundle.resolve("manifest.json"))).contains("\"file\" : \"workflows/flow-v1.json\"",
                "notifier0workflows", AzureNames.queue("notifier", Names.CALLBACK_QUEUE));
        assertThat(Files.readString(bundle.resolve("README.md"))).contains("## Workflows", Names.ORCHESTRATION);
        assertThat(Files.readString(bundle(app("plain", List.of()), "c").resolve("README.md"))).doesNotContain("## Workflows");
        Checkov.Result result = Checkov.check(bundle.resolve("azuredeploy.json").toAbsolutePath(), DeployArtifactsIT.SKIPPED);
        assertThat(result.parsingErrors()).as(result.output()).isZero();
        assertThat(result.failed()).as("failed checks").isEmpty();
    }
}
