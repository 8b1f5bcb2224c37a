package io.skystate.azure.internal.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.workflow.InvalidWorkflowException;
import io.skystate.api.workflow.WorkflowDefinition;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** How the Durable engine names signalled events, and where it refuses awaitEvent steps. */
class SignalNamesTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void namesDifferingOnlyInCaseStayDistinctUnderDurablesCaseInsensitiveMatching() {
        List<String> names = List.of("go", "Go", "GO", "gO", "g-o", "a.b-c_9");
        List<String> folded = names.stream().map(n -> Names.signalEvent(n).toLowerCase(Locale.ROOT)).toList();
        assertThat(folded).doesNotHaveDuplicates();
        assertThat(Names.signalEvent("a.b-c_9")).isEqualTo(Names.SIGNAL_EVENT + "a.b-c_9");
        assertThat(Names.signalEvent("Go")).isEqualTo(Names.SIGNAL_EVENT + "~go");
    }

    @Test
    void awaitEventIsRefusedInsideParallelBranchesOnly() {
        WorkflowDefinition topLevel = WorkflowDefinition.builder("top", 1).startAt("wait")
                .awaitEvent("wait", "go", MINUTE, e -> { }).build();
        BranchEvents.reject("azure", topLevel);

        WorkflowDefinition inBranch = WorkflowDefinition.builder("fan", 1).startAt("fan")
                .parallel("fan", p -> p.branch(b -> b.startAt("wait").awaitEvent("wait", "go", MINUTE, e -> { })))
                .build();
        assertThatThrownBy(() -> BranchEvents.reject("azure", inBranch)).isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining("fan/0/wait");
    }
}
