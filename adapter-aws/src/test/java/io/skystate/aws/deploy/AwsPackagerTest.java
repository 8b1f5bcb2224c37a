package io.skystate.aws.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.aws.internal.asl.AslValidator;
import io.skystate.core.deploy.Application;
import io.skystate.core.deploy.BundleWriter;
import io.skystate.core.deploy.DeploymentPackager;
import io.skystate.emulators.RepoPaths;
import io.skystate.examples.ordersaga.OrderWorkflow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsPackagerTest {
    private static final Set<String> HANDLERS = Set.of("initiateOrder", "reserveInventory", "releaseInventory",
            "requestPaymentAuthorization", "capturePayment", "refundPayment", "shipOrder", "completeOrder", "rejectOrder");

    @TempDir
    Path dir;

    private Application app(String name, Optional<String> prefix, List<WorkflowDefinition> workflows) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes/io/example"));
        Files.writeString(classes.resolve("Handlers.class"), "classes");
        Path lib = Files.writeString(dir.resolve("skystate-adapter-aws.jar"), "adapter");
        return new Application(name, prefix, HANDLERS, workflows, Set.of("orders", "inventory", "payments"),
                Set.of("order-events"), new Application.Code(dir.resolve("classes"),
                        new TreeMap<>(java.util.Map.of("skystate-adapter-aws.jar", lib))),
                Instant.parse("2025-01-01T00:00:00Z"));
    }

    private Path bundle(Application app, String out) throws Exception {
        BundleWriter writer = new BundleWriter(dir.resolve(out), app, "aws");
        new AwsPackager().write(app, writer);
        writer.finish();
        return dir.resolve(out);
    }

    @Test
    void isFoundWithServiceLoader() {
        assertThat(ServiceLoader.load(DeploymentPackager.class).stream().map(p -> p.get().cloud())).contains("aws");
    }

    @Test
    void orderSagaBundleHoldsCodeTemplateAslReadmeAndManifest() throws Exception {
        Path bundle = bundle(app("order-saga", Optional.empty(), List.of(OrderWorkflow.definition())), "b");
        assertThat(bundle.resolve("statemachines/order-saga-v1.asl.json")).exists();
        try (ZipFile zip = new ZipFile(bundle.resolve("function.zip").toFile())) {
            assertThat(zip.stream().map(java.util.zip.ZipEntry::getName))
                    .containsExactly("io/example/Handlers.class", "lib/skystate-adapter-aws.jar");
        }
        JsonNode t = new YAMLMapper().readTree(bundle.resolve("template.yaml").toFile());
        assertThat(t.path("Parameters").path("ResourcePrefix").path("Default").asText()).isEqualTo("order-saga-");
        assertThat(t.path("Resources").path("SkystateFunction").path("Properties").path("CodeUri").asText())
                .isEqualTo("function.zip");
        assertThat(t.path("Resources").has("StoreSkystateCallbacks")).isTrue();
        assertThat(t.path("Resources").has("StoreSkystateKeys")).isTrue();
        JsonNode http = t.path("Resources").path("SkystateHttpFunction").path("Properties");
        assertThat(http.path("Handler").asText()).isEqualTo(SamTemplate.HTTP_HANDLER);
        assertThat(http.path("FunctionUrlConfig").path("AuthType").asText()).isEqualTo("NONE");
        assertThat(t.path("Resources").path("SkystateFunction").path("Properties").path("Environment").path("Variables")
                .path("SKYSTATE_HTTP_BASE_URL").path("Fn::GetAtt").toString())
                .isEqualTo("[\"SkystateHttpFunctionUrl\",\"FunctionUrl\"]");
        JsonNode asl = JsonMapper.builder().build().readTree(bundle.resolve("statemachines/order-saga-v1.asl.json").toFile());
        assertThat(t.path("Resources").path("WorkflowOrderSagaV1StateMachine").path("Properties").path("Definition"))
                .isEqualTo(asl);
        String readme = Files.readString(bundle.resolve("README.md"));
        assertThat(readme).contains("sam deploy --template-file template.yaml --stack-name order-saga",
                "OutputKey=='WorkflowOrderSagaV1StateMachineArn'", "sam delete --stack-name order-saga");
        JsonNode manifest = JsonMapper.builder().build().readTree(bundle.resolve("manifest.json").toFile());
        assertThat(manifest.path("cloud").asText()).isEqualTo("aws");
        assertThat(manifest.path("resources").toString()).contains("\"name\":\"order-saga-order-saga-v1\"",
                "\"name\":\"order-saga-worker\"", "AWS::DynamoDB::Table");
        assertThat(manifest.path("configuration").toString()).contains("SKYSTATE_PREFIX", "SKYSTATE_HTTP_BASE_URL");
        assertThat(manifest.path("files").toString()).contains("function.zip", "template.yaml");
        assertThat(Files.readString(bundle.resolve("template.yaml"))).doesNotContain(dir.toString());
    }

    @Test
    void packagingTwiceGivesByteIdenticalBundles() throws Exception {
        Application app = app("order-saga", Optional.empty(), List.of(OrderWorkflow.definition()));
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
    void derivedNamesFitAwsLimitsForLongAppAndWorkflowNames() throws Exception {
        String longName = "w" + "x".repeat(63);
        WorkflowDefinition wide = WorkflowDefinition.builder(longName, 123).startAt("a")
                .task("a", "initiateOrder", t -> { }).build();
        Path bundle = bundle(app("a-very-long-application-name-for-testing-limits", Optional.empty(), List.of(wide)), "b");
        JsonNode t = new YAMLMapper().readTree(bundle.resolve("template.yaml").toFile());
        String prefix = t.path("Parameters").path("ResourcePrefix").path("Default").asText();
        assertThat(prefix).startsWith("a-").endsWith("-");
        assertThat(prefix.length() + longName.length() + "-v123".length()).isLessThanOrEqualTo(80);
        assertThat(t.path("Parameters").path("ResourcePrefix").path("MaxLength").asInt())
                .isEqualTo(80 - longName.length() - "-v123".length());
    }

    @Test
    void aGivenPrefixThatPushesANameOverItsLimitIsRefused() throws Exception {
        WorkflowDefinition wide = WorkflowDefinition.builder("w" + "x".repeat(63), 1).startAt("a")
                .task("a", "initiateOrder", t -> { }).build();
        Application app = app("demo", Optional.of("p".repeat(20) + "-"), List.of(wide));
        assertThatThrownBy(() -> bundle(app, "b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aws: state machine name").hasMessageContaining("limit of 80");
    }

    @Test
    void templatePassesCfnLintAndEveryStateMachinePassesAslValidator() throws Exception {
        Path bundle = bundle(app("order-saga", Optional.empty(), List.of(OrderWorkflow.definition())), "b");
        Path cfnLint = RepoPaths.root().resolve(".emulators/venv/bin/cfn-lint");
        assertThat(Files.isExecutable(cfnLint)).as("%s (run scripts/install-emulators.sh)", cfnLint).isTrue();
        Process process = new ProcessBuilder(cfnLint.toString(), "--", "template.yaml").directory(bundle.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("cfn-lint output:%n%s", output).isZero();
        ObjectNode asl = (ObjectNode) JsonMapper.builder().build()
                .readTree(bundle.resolve("statemachines/order-saga-v1.asl.json").toFile());
        AslValidator.Result result = AslValidator.validate("bundle-order-saga-v1", asl);
        assertThat(result.valid()).as(result.output()).isTrue();
    }

    @Test
    void unsupportedNamesTheStepsTheEngineRefusesAtRegistration() {
        WorkflowDefinition signals = WorkflowDefinition.builder("signals", 1).startAt("wait")
                .awaitEvent("wait", "go", java.time.Duration.ofMinutes(1), e -> { }).build();
        WorkflowDefinition plain = WorkflowDefinition.builder("plain", 1).startAt("a").task("a", "notify", t -> { }).build();
        assertThat(new AwsPackager().unsupported(signals)).containsExactly(
                "step 'wait': the aws adapter's Step Functions engine does not run awaitEvent steps (the local engine does)");
        assertThat(new AwsPackager().unsupported(plain)).isEmpty();
    }
}
