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

/**
 * The examples' AWS bundles: cfn-lint and checkov on the SAM template, asl-validator on every state machine, the code's
 * layout.
 */
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

    /**
     * The checkov checks skipped on the SAM template, each a deployment choice left to the operator rather than a
     * defect of the template: CKV_AWS_119 (tables encrypted with a customer-managed key: DynamoDB encrypts them at
     * rest with an AWS-owned key; a CMK is a cost and compliance choice that also needs key grants), CKV_AWS_28 (point
     * in time recovery: a backup cost choice; the tables are DeletionPolicy Retain), CKV_AWS_116 (a dead-letter queue
     * for asynchronous invocations: the functions are only invoked synchronously, by the SQS event source and the
     * Function URL), CKV_AWS_117 (a VPC: the functions call only AWS APIs; network placement is the operator's),
     * CKV_AWS_115 (reserved concurrency: a capacity choice), CKV_AWS_173 (environment encrypted with a CMK: it holds
     * names, URLs and the KMS key's ARN, no secrets, and Lambda encrypts it at rest). CKV_AWS_27 (queues encrypted) is
     * met but not recognised: the queues use SQS-managed encryption ({@code SqsManagedSseEnabled}, which
     * {@link #queuesAreEncryptedAtRest} checks), and checkov 3.3.30 only accepts a {@code KmsMasterKeyId}, which would
     * need KMS grants for Step Functions and the functions.
     */
    static final List<String> CHECKOV_SKIPPED = List.of("CKV_AWS_119", "CKV_AWS_28", "CKV_AWS_116", "CKV_AWS_117",
            "CKV_AWS_115", "CKV_AWS_173", "CKV_AWS_27");

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void queuesAreEncryptedAtRest(Path bundle) throws Exception {
        JsonNode resources = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(bundle.resolve("template.yaml")
                .toFile()).path("Resources");
        List<String> queues = new java.util.ArrayList<>();
        resources.fields().forEachRemaining(r -> {
            if (r.getValue().path("Type").asText().equals("AWS::SQS::Queue")) {
                queues.add(r.getKey());
                assertThat(r.getValue().path("Properties").path("SqsManagedSseEnabled").asBoolean()).as(r.getKey()).isTrue();
            }
        });
        assertThat(queues).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void templatePassesCheckov(Path bundle) throws Exception {
        Bundles.Result checkov = Bundles.runForReport(bundle, List.of(Bundles.tool(".emulators/checkov/bin/checkov"),
                "-f", "template.yaml", "--framework", "cloudformation", "-o", "json", "--compact", "--quiet",
                "--skip-download", "--skip-check", String.join(",", CHECKOV_SKIPPED)));
        assertThat(checkov.exitCode()).as("checkov:%n%s%n%s", checkov.output(), checkov.errors()).isZero();
        JsonNode report = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(checkov.output());
        JsonNode summary = (report.isArray() ? report.get(0) : report).path("summary");
        assertThat(summary.path("parsing_errors").asInt()).as(checkov.output()).isZero();
        assertThat(summary.path("passed").asInt()).as("checks that ran").isGreaterThan(5);
        assertThat(summary.path("failed").asInt()).as(checkov.output()).isZero();
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
