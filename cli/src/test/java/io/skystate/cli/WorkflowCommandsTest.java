package io.skystate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.cli.fixture.FixtureModule;
import io.skystate.core.workflow.doc.WorkflowDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code skystate workflow validate|render|export} on definition documents; no provider involved. */
class WorkflowCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Cli cli;
    Path valid;
    Path broken;
    Path wide;

    @BeforeEach
    void documents() throws Exception {
        cli = new Cli(dir.resolve("unused.db"));
        valid = Files.writeString(dir.resolve("approval.yaml"), WorkflowDocuments.toYaml(FixtureModule.approval()));
        broken = Files.writeString(dir.resolve("broken.yaml"),
                WorkflowDocuments.toYaml(FixtureModule.approval()).replace("next: ship", "next: shipp"));
        WorkflowDefinition fanOut = WorkflowDefinition.builder("fanout", 1).startAt("all")
                .parallel("all", p -> {
                    for (int i = 0; i < 11; i++) {
                        int n = i;
                        p.branch(b -> b.startAt("work" + n).task("work" + n, "greet", t -> t.resultPath("$.r")));
                    }
                }).build();
        wide = Files.writeString(dir.resolve("wide.json"), WorkflowDocuments.toJson(fanOut));
    }

    @Test
    void validateAcceptsAPortableDefinitionAndSaysSoPerCloud() {
        Cli.Result r = cli.raw("workflow", "validate", valid.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("approval v1: valid").contains("AWS Step Functions: ok")
                .contains("Google Cloud Workflows: ok");
    }

    @Test
    void validateListsEveryProblemAndExitsInvalid() {
        Cli.Result r = cli.raw("workflow", "validate", broken.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID.code());
        assertThat(r.out()).contains("approval v1: ").contains("'shipp'");
    }

    @Test
    void validateGroupsPortabilityProblemsByTheCloudThatCannotRunThem() throws Exception {
        Cli.Result r = cli.raw("workflow", "validate", wide.toString(), "-o", "json");
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID.code());
        JsonNode result = JSON.readTree(r.out());
        assertThat(result.get("valid").asBoolean()).isFalse();
        assertThat(result.at("/portability/AWS Step Functions").asText()).isEqualTo("ok");
        assertThat(result.at("/portability/Google Cloud Workflows/0").asText()).contains("11 branches");
    }

    @Test
    void validateChecksHandlerNamesOnlyWhenTold() {
        Cli.Result r = cli.raw("workflow", "validate", valid.toString(), "--handlers", "reserve,release,ship");
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID.code());
        assertThat(r.out()).contains("requestApproval");
    }

    @Test
    void aMalformedDocumentIsInvalidWithItsPosition() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"name\": ");
        Cli.Result r = cli.raw("workflow", "validate", bad.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID.code());
        assertThat(r.err()).contains("INVALID_WORKFLOW").contains("malformed JSON");
    }

    @Test
    void aMissingFileIsAFailure() {
        Cli.Result r = cli.raw("workflow", "render", dir.resolve("nope.yaml").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(r.err()).contains("cannot read").contains("nope.yaml");
    }

    @Test
    void renderDrawsAMermaidStateDiagram() {
        Cli.Result r = cli.raw("workflow", "render", valid.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("stateDiagram-v2").contains("[*] --> reserve").contains("approve --> ship")
                .contains("compensate with release");
    }

    @Test
    void renderRewritesTheDocumentAsJsonThatReadsBackEqual() {
        Cli.Result r = cli.raw("workflow", "render", valid.toString(), "--format", "json");
        assertThat(r.exitCode()).isZero();
        assertThat(WorkflowDocuments.parse(r.out())).isEqualTo(FixtureModule.approval());
    }

    @Test
    void exportCompilesToAmazonStatesLanguage() throws Exception {
        Cli.Result r = cli.raw("workflow", "export", valid.toString(), "--target", "asl");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode asl = JSON.readTree(r.out());
        assertThat(asl.get("StartAt").asText()).isNotEmpty();
        assertThat(asl.get("States").has("approve")).isTrue();
        assertThat(r.out()).contains("waitForTaskToken");
    }

    @Test
    void exportWritesAWholeSamTemplate() {
        Cli.Result r = cli.raw("workflow", "export", valid.toString(), "-t", "sam");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("AWS::Serverless::StateMachine").contains("AWS::Serverless-2016-10-31");
    }

    @Test
    void exportRefusesAnInvalidDefinition() {
        Cli.Result r = cli.raw("workflow", "export", broken.toString(), "-t", "asl");
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID.code());
        assertThat(r.out()).isEmpty();
    }
}
