package io.skystate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.Capabilities;
import io.skystate.api.state.Key;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.core.workflow.doc.WorkflowDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppScannerTest {
    private static final Capabilities AWS = new Capabilities("aws", Set.of(), 100, 400_000);

    @TempDir
    Path dir;

    @Test
    void findsWhatModulesRegisterAndWhatFilesDefine() throws Exception {
        Files.writeString(dir.resolve("b-other.yaml"), """
                name: other
                version: 3
                startAt: s
                steps:
                  s: {type: task, handler: first}
                """);
        Files.writeString(dir.resolve("a-flow.json"), WorkflowDocuments.toJson(SampleModule.FLOW));
        Files.writeString(dir.resolve("notes.txt"), "not a definition");

        AppScanner.Scan scan = AppScanner.scan(getClass().getClassLoader(), dir, AWS);

        assertThat(scan.handlers()).containsExactly("first", "second", "third");
        assertThat(scan.stores()).containsExactly("idempotency", "orders", "third-idempotency");
        assertThat(scan.queues()).containsExactly("events");
        assertThat(scan.workflows()).extracting(WorkflowDefinition::name).containsExactly("flow", "other");
        assertThat(scan.sources()).containsEntry("flow v1", "file a-flow.json").containsEntry("other v3", "file b-other.yaml");
    }

    @Test
    void aDefinitionFoundTwiceDifferentlyIsAnError() throws Exception {
        Files.writeString(dir.resolve("flow.yaml"), """
                name: flow
                version: 1
                startAt: a
                steps:
                  a: {type: task, handler: first}
                """);
        assertThatThrownBy(() -> AppScanner.scan(getClass().getClassLoader(), dir, AWS))
                .hasMessageContaining("workflow flow v1 is defined twice, differently: in file flow.yaml and in module "
                        + SampleModule.class.getName());
    }

    @Test
    void aMalformedFileIsNamed() throws Exception {
        Files.writeString(dir.resolve("broken.yaml"), "name: x\nversion: 1\nstartAt: a\nsteps:\n  a: {type: loop}\n");
        assertThatThrownBy(() -> AppScanner.scan(getClass().getClassLoader(), dir, AWS))
                .hasMessageStartingWith("workflow file broken.yaml: ").hasMessageContaining("unknown type 'loop'");
    }

    @Test
    void aModuleThatDoesWorkWhileConfiguringIsToldWhatWentWrong() {
        RecordingSkystate recorder = new RecordingSkystate(AWS);
        recorder.module("module Busy");
        assertThat(recorder.stateStore("orders").name()).isEqualTo("orders");
        assertThat(recorder.provider()).isEqualTo("aws");
        assertThatThrownBy(() -> recorder.stateStore("orders").get(Key.of("g", "i")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("module Busy called StateStore.get on state store 'orders'")
                .hasMessageContaining("HandlerModule.configure should only register handlers and workflows");
        assertThatThrownBy(() -> recorder.workflows().start("flow", "i", new byte[0]))
                .hasMessageContaining("called Workflows.start");
    }
}
