package io.skystate.examples.bundles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The examples' AWS bundles: cfn-lint on the SAM template, asl-validator on every state machine, the code's layout. */
class AwsBundlesTest {
    static Stream<Named<Path>> bundles() {
        return Bundles.of("aws");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void templatePassesCfnLint(Path bundle) throws Exception {
        Bundles.Result lint = Bundles.run(bundle, List.of(Bundles.tool(".emulators/venv/bin/cfn-lint"), "--", "template.yaml"));
        assertThat(lint.exitCode()).as("cfn-lint:%n%s", lint.output()).isZero();
        assertThat(lint.output()).as("cfn-lint").isBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void everyStateMachinePassesAslValidator(Path bundle) throws Exception {
        JsonNode workflows = Bundles.manifest(bundle).path("workflows");
        assertThat(workflows).isNotEmpty();
        for (JsonNode workflow : workflows) {
            String file = workflow.path("file").asText();
            assertThat(bundle.resolve(file)).exists();
            Bundles.Result asl = Bundles.run(bundle, List.of(Bundles.tool("emulators/node_modules/.bin/asl-validator"),
                    "--json-path", file));
            assertThat(asl.exitCode()).as("asl-validator on %s:%n%s", file, asl.output()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void codeHoldsTheAppItsModuleAndOnlyTheAwsAdapter(Path bundle) throws Exception {
        try (ZipFile zip = new ZipFile(bundle.resolve("function.zip").toFile())) {
            List<String> entries = zip.stream().map(ZipEntry::getName).toList();
            assertThat(entries).anyMatch(e -> e.matches("lib/skystate-adapter-aws-.*\\.jar"))
                    .noneMatch(e -> e.matches("lib/skystate-adapter-(local|azure|gcp)-.*"))
                    .noneMatch(e -> e.contains("sqlite"));
            String modules = entries.contains("META-INF/services/io.skystate.api.handler.HandlerModule")
                    ? new String(zip.getInputStream(zip.getEntry("META-INF/services/io.skystate.api.handler.HandlerModule"))
                            .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    : "";
            boolean appJar = entries.stream().anyMatch(e -> e.matches("lib/skystate-example-order-saga-.*\\.jar"));
            assertThat(!modules.isBlank() || appJar).as("the app's HandlerModule is in the code").isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void manifestDescribesEveryFileAndReadmeHasTheCommands(Path bundle) throws Exception {
        Bundles.manifestMatchesFiles(bundle);
        JsonNode manifest = Bundles.manifest(bundle);
        assertThat(manifest.path("cloud").asText()).isEqualTo("aws");
        assertThat(manifest.path("resources").toString()).contains("AWS::Serverless::Function", "AWS::SQS::Queue");
        assertThat(Files.readString(bundle.resolve("README.md"))).contains("sam deploy --template-file template.yaml",
                "aws stepfunctions start-execution", "sam delete");
    }
}
