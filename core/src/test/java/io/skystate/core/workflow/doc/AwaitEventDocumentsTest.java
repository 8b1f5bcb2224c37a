package io.skystate.core.workflow.doc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.skystate.api.workflow.CatchRule;
import io.skystate.api.workflow.InvalidWorkflowException;
import io.skystate.api.workflow.Step;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowErrors;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The awaitEvent step in documents and diagrams. */
class AwaitEventDocumentsTest {
    private static final String DOCUMENT = """
            name: approvals
            version: 1
            startAt: approval
            steps:
              approval:
                type: awaitEvent
                event: order.approved
                timeout: PT1H
                resultPath: $.approval
                next: done
                catch: [{errors: [Skystate.Timeout], resultPath: $.late, next: gaveUp}]
              done: {type: succeed}
              gaveUp: {type: fail, error: NotApproved, cause: nobody approved}
            """;

    @Test
    void readsEveryField() {
        WorkflowDefinition d = WorkflowDocuments.parse(DOCUMENT);
        assertThat(d.steps().get("approval")).isEqualTo(new Step.AwaitEvent("approval", "order.approved", "$.approval",
                Optional.of("done"), Duration.ofHours(1),
                List.of(new CatchRule(List.of(WorkflowErrors.TIMEOUT), "$.late", "gaveUp"))));
        assertThat(d.steps().get("approval").kind()).isEqualTo("awaitEvent");
    }

    @Test
    void writesOnlyWhatIsNotADefault() {
        WorkflowDefinition d = WorkflowDefinition.builder("plain", 1).startAt("wait")
                .awaitEvent("wait", "go", Duration.ofSeconds(30), o -> { }).build();
        String yaml = WorkflowDocuments.toYaml(d);
        assertThat(yaml).contains("type: awaitEvent", "event: go", "timeout: PT30S")
                .doesNotContain("resultPath", "next", "catch");
        assertThat(WorkflowDocuments.parse(yaml)).isEqualTo(d);
        assertThat(WorkflowDocuments.parseJson(WorkflowDocuments.toJson(WorkflowDocuments.parse(DOCUMENT))))
                .isEqualTo(WorkflowDocuments.parse(DOCUMENT));
    }

    @Test
    void reportsMissingAndUnknownFields() {
        InvalidWorkflowException e = catchThrowableOfType(InvalidWorkflowException.class, () -> WorkflowDocuments.parse("""
                name: broken
                version: 1
                startAt: a
                steps:
                  a: {type: awaitEvent, handler: h, retry: []}
                """));
        assertThat(e.problems()).containsExactly(
                "step 'a': missing 'event'",
                "step 'a': missing 'timeout'",
                "step 'a': unknown field 'handler' (expected type, event, resultPath, next, timeout, catch)",
                "step 'a': unknown field 'retry' (expected type, event, resultPath, next, timeout, catch)");
    }

    @Test
    void diagramNotesTheEventAndItsCatch() {
        List<String> lines = MermaidDiagram.of(WorkflowDocuments.parse(DOCUMENT)).lines().map(String::strip).toList();
        assertThat(lines).contains("[*] --> approval", "approval --> done", "approval --> gaveUp : catch Skystate.Timeout",
                "note right of approval : waits for event order.approved (timeout PT1H)");
    }
}
