package io.skystate.azure.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.azure.AzureSkystateBuilder.StateBackend;
import io.skystate.azure.functions.DurableWorkflowFunctions;
import io.skystate.azure.functions.SkystateFunctions;
import io.skystate.azure.internal.AzureNames;
import io.skystate.azure.internal.durable.Names;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The deploy artifacts: the function app layout written for {@link SkystateFunctions} and
 * {@link DurableWorkflowFunctions} (host.json, one function.json per function, the jar) and the ARM templates for both
 * state backends with the workflow functions' resources and settings, each checked by checkov. The files stay under
 * {@code target/azure-deploy/} for the README's {@code az} commands.
 */
class DeployArtifactsIT {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path OUT = Path.of("target", "azure-deploy");

    /**
     * The checks the templates do not meet, each for a reason (every other check checkov runs passes): key-based access
     * stays on (the SDKs authenticate with the connection string and account key the template hands the app), network
     * isolation needs the operator's network (a consumption plan has none), and the rest are cost or plan choices.
     */
    static final List<String> SKIPPED = List.of(
            "CKV_AZURE_43",   // storage naming rules: the name is an ARM expression (uniqueString) checkov cannot
                              // evaluate; 'sky' + 13 lower-case characters meets the rules
            "CKV_AZURE_35",   // storage default network rule deny: needs the operator's VNet / firewall rules
            "CKV_AZURE_206",  // storage replication: Standard_LRS is a cost choice left to the operator
            "CKV_AZURE_17",   // client certificates: callers authenticate with signed tokens and signed requests
            "CKV_AZURE_222",  // web app public network access: callback URLs must be reachable from outside
            "CKV_AZURE_212",  // minimum instances for failover: a consumption plan scales by itself
            "CKV_AZURE_225",  // zone-redundant plan: not offered on the consumption plan
            "CKV_AZURE_213",  // health check: needs an always-on instance, which a consumption plan has not
            "CKV_AZURE_140",  // Cosmos DB local auth off: the app authenticates with the account key
            "CKV_AZURE_101",  // Cosmos DB public network access: a consumption plan has no VNet to come from
            "CKV_AZURE_99");  // Cosmos DB IP / VNet restrictions: same

    @Test
    void functionAppLayoutHasOneFunctionJsonPerFunctionAndTheJar() throws Exception {
        Path jar = Files.list(Path.of("target")).filter(p -> p.getFileName().toString().matches("skystate-adapter-azure-.*\\.jar")
                && !p.getFileName().toString().contains("tests")).findFirst().orElseThrow();
        Path dir = OUT.resolve("functionapp");
        List<String> names = FunctionAppLayout.write(dir, jar, List.of(),
                List.of(SkystateFunctions.class, DurableWorkflowFunctions.class));

        assertThat(names).hasSize(11).startsWith(SkystateFunctions.HTTP, SkystateFunctions.WORK)
                .contains(Names.ORCHESTRATION, DurableWorkflowFunctions.CALLBACKS);
        assertThat(dir.resolve(jar.getFileName())).exists();
        JsonNode host = JSON.readTree(dir.resolve("host.json").toFile());
        assertThat(host.path("version").asText()).isEqualTo("2.0");
        assertThat(host.path("extensions").path("http").path("routePrefix").asText()).isEmpty();
        assertThat(host.path("extensions").path("durableTask").path("hubName").asText())
                .isEqualTo("%" + DurableWorkflowFunctions.TASK_HUB_SETTING + "%");
        JsonNode http = JSON.readTree(dir.resolve(SkystateFunctions.HTTP).resolve("function.json").toFile());
        assertThat(http.path("entryPoint").asText()).isEqualTo(SkystateFunctions.class.getName() + ".http");
        assertThat(http.path("scriptFile").asText()).isEqualTo("../" + jar.getFileName());
        assertThat(http.path("bindings").get(0).path("type").asText()).isEqualTo("httpTrigger");
        assertThat(http.path("bindings").get(0).path("route").asText()).isEqualTo("skystate/{*path}");
        assertThat(http.path("bindings").get(0).path("authLevel").asText()).isEqualTo("anonymous");
        assertThat(http.path("bindings").get(1).path("name").asText()).isEqualTo("$return");
        JsonNode work = JSON.readTree(dir.resolve(SkystateFunctions.WORK).resolve("function.json").toFile());
        assertThat(work.path("bindings")).hasSize(1);
        assertThat(work.path("bindings").get(0).path("queueName").asText()).isEqualTo("%SKYSTATE_WORK_QUEUE_NATIVE%");
        assertThat(work.path("bindings").get(0).path("connection").asText()).isEqualTo("AzureWebJobsStorage");
    }

    /** The function app's app settings (name to value, ARM expressions as written). */
    static Map<String, String> appSettings(JsonNode template) {
        Map<String, String> settings = new LinkedHashMap<>();
        template.path("resources").forEach(r -> r.path("properties").path("siteConfig").path("appSettings")
                .forEach(s -> settings.put(s.path("name").asText(), s.path("value").asText())));
        return settings;
    }

    @Test
    void templateWithoutWorkflowFunctionsHasNoDurableSettings() {
        ObjectNode template = ArmTemplate.builder().prefix("orders").build();
        assertThat(appSettings(template)).doesNotContainKeys(DurableWorkflowFunctions.TASK_HUB_SETTING,
                DurableWorkflowFunctions.CALLBACK_QUEUE_SETTING);
        assertThat(template.toString()).doesNotContain(AzureNames.queue("orders", Names.CALLBACK_QUEUE));
    }

    @Test
    void templatesForBothStateBackendsPassCheckov() throws Exception {
        Files.createDirectories(OUT);
        for (StateBackend state : StateBackend.values()) {
            ObjectNode template = ArmTemplate.builder().prefix("orders").state(state).stores(List.of("carts", "orders-2"))
                    .queues(List.of("done")).workQueue("work").durableFunctions(true).build();
            Path file = OUT.resolve("skystate-" + state.name().toLowerCase(java.util.Locale.ROOT) + ".json");
            JSON.writeValue(file.toFile(), template);

            List<String> types = new ArrayList<>();
            template.path("resources").forEach(r -> types.add(r.path("type").asText()));
            assertThat(types).contains("Microsoft.Storage/storageAccounts", "Microsoft.Web/serverfarms", "Microsoft.Web/sites",
                    "Microsoft.Storage/storageAccounts/queueServices/queues");
            if (state == StateBackend.COSMOS) {
                assertThat(types).contains("Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers");
                assertThat(template.toString()).contains("orders-" + Names.REGISTRY_STORE);
            } else {
                assertThat(Stream.of(template.toString()).anyMatch(t -> t.contains("orderscarts"))).isTrue();
                assertThat(template.toString()).contains(AzureNames.table("orders", Names.REGISTRY_STORE));
            }
            assertThat(template.toString()).contains(AzureNames.queue("orders", Names.CALLBACK_QUEUE));
            Map<String, String> settings = appSettings(template);
            assertThat(settings).containsEntry("FUNCTIONS_EXTENSION_VERSION", "~4")
                    .containsEntry(DurableWorkflowFunctions.TASK_HUB_SETTING, "orders0workflows")
                    .containsEntry(DurableWorkflowFunctions.CALLBACK_QUEUE_SETTING, "ordersskystate01durable01callbacks");

            Checkov.Result result = Checkov.check(file.toAbsolutePath(), SKIPPED);
            System.out.printf("checkov %s: %d passed, %d failed, %d parsing errors%n", file.getFileName(), result.passed(),
                    result.failed().size(), result.parsingErrors());
            assertThat(result.parsingErrors()).as(result.output()).isZero();
            assertThat(result.passed()).as("checks that ran").isGreaterThan(5);
            assertThat(result.failed()).as("failed checks").isEmpty();
        }
    }
}
