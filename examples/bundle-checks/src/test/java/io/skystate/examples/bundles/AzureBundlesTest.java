package io.skystate.examples.bundles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The examples' Azure bundles: checkov on the ARM template, the function app folder, the workflow documents. */
class AzureBundlesTest {
    /**
     * The checkov checks the adapter's templates skip, each for a reason given in adapter-azure's DeployArtifactsIT
     * (names checkov cannot evaluate, network isolation and plan choices left to the operator, key-based access the
     * SDKs use).
     */
    private static final List<String> SKIPPED = List.of("CKV_AZURE_43", "CKV_AZURE_35", "CKV_AZURE_206", "CKV_AZURE_17",
            "CKV_AZURE_222", "CKV_AZURE_212", "CKV_AZURE_225", "CKV_AZURE_213");

    static Stream<Named<Path>> bundles() {
        return Bundles.of("azure");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void armTemplatePassesCheckov(Path bundle) throws Exception {
        List<String> command = new ArrayList<>(List.of(Bundles.tool(".emulators/checkov/bin/checkov"), "-f",
                "azuredeploy.json", "--framework", "arm", "-o", "json", "--compact", "--quiet", "--skip-download",
                "--skip-check", String.join(",", SKIPPED)));
        Bundles.Result checkov = Bundles.runForReport(bundle, command);
        assertThat(checkov.exitCode()).as("checkov:%n%s%n%s", checkov.output(), checkov.errors()).isZero();
        JsonNode report = JsonMapper.builder().build().readTree(checkov.output());
        JsonNode summary = (report.isArray() ? report.get(0) : report).path("summary");
        assertThat(summary.path("parsing_errors").asInt()).as(checkov.output()).isZero();
        assertThat(summary.path("passed").asInt()).as("checks that ran").isGreaterThan(5);
        assertThat(summary.path("failed").asInt()).as(checkov.output()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void functionAppHoldsTheFunctionsTheAdapterAndTheWorkflowDocuments(Path bundle) throws Exception {
        Path app = bundle.resolve("functionapp");
        assertThat(app.resolve("host.json")).exists();
        assertThat(app.resolve("skystate-http/function.json")).exists();
        assertThat(app.resolve("skystate-work/function.json")).exists();
        assertThat(app.resolve("SkystateWorkflow/function.json")).exists();
        try (Stream<Path> libs = Files.list(app.resolve("lib"))) {
            assertThat(libs.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("skystate-adapter-azure-"))
                    .noneMatch(n -> n.matches("skystate-adapter-(local|aws|gcp)-.*"));
        }
        JsonNode manifest = Bundles.manifest(bundle);
        for (JsonNode workflow : manifest.path("workflows")) {
            assertThat(bundle.resolve(workflow.path("file").asText())).exists();
        }
        assertThat(manifest.path("workflows")).isNotEmpty();
        Bundles.manifestMatchesFiles(bundle);
        assertThat(Files.readString(bundle.resolve("README.md"))).contains("az deployment group create",
                "az functionapp deployment source config-zip", "az group delete");
    }
}
