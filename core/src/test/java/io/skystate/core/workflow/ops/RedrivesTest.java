package io.skystate.core.workflow.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.workflow.RunStateException;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.StepExecution.Outcome;
import io.skystate.api.workflow.Workflows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedrivesTest {
    private static StepExecution entry(String path, String kind, Outcome outcome) {
        return new StepExecution(path, kind, outcome, Instant.EPOCH, Optional.of(Instant.EPOCH), 1, Optional.empty(),
                Optional.empty());
    }

    @Test
    void failedAndTimedOutRunsMayBeRedriven() {
        assertThat(Redrives.refusal("r", new Redrives.Facts(RunStatus.FAILED, false, false, 0))).isEmpty();
        assertThat(Redrives.refusal("r", new Redrives.Facts(RunStatus.TIMED_OUT, false, false, 7))).isEmpty();
        assertThatCode(() -> Redrives.check("local", "r", new Redrives.Facts(RunStatus.FAILED, false, false,
                Workflows.MAX_REDRIVES - 1))).doesNotThrowAnyException();
    }

    @Test
    void everyOtherRunIsRefusedWithItsReason() {
        assertThat(Redrives.refusal("r", new Redrives.Facts(RunStatus.RUNNING, false, false, 0))).get().asString()
                .contains("still running");
        assertThat(Redrives.refusal("r", new Redrives.Facts(RunStatus.SUCCEEDED, false, false, 0))).get().asString()
                .contains("succeeded");
        assertThat(Redrives.refusal("r", new Redrives.Facts(RunStatus.CANCELLED, false, false, 0))).get().asString()
                .contains("cancelled");
        assertThat(Redrives.refusal("r", new Redrives.Facts(RunStatus.FAILED, true, false, 0))).get().asString()
                .contains("compensations");
        assertThat(Redrives.refusal("r", new Redrives.Facts(RunStatus.FAILED, false, true, 0))).get().asString()
                .contains("fail step");
        assertThatThrownBy(() -> Redrives.check("aws", "r", new Redrives.Facts(RunStatus.TIMED_OUT, false, false,
                Workflows.MAX_REDRIVES))).isInstanceOfSatisfying(RunStateException.class, e -> {
                    assertThat(e.provider()).isEqualTo("aws");
                    assertThat(e.getMessage()).contains("1000 times");
                });
    }

    @Test
    void factsComeFromThePortableHistory() {
        List<StepExecution> atFail = List.of(entry("check", "task", Outcome.CAUGHT),
                entry("reject", "fail", Outcome.FAILED));
        assertThat(Redrives.Facts.of(RunStatus.FAILED, atFail, 2))
                .isEqualTo(new Redrives.Facts(RunStatus.FAILED, false, true, 2));
        List<StepExecution> failInBranch = List.of(entry("fan", "parallel", Outcome.FAILED),
                entry("fan/0/reject", "fail", Outcome.FAILED));
        assertThat(Redrives.Facts.of(RunStatus.FAILED, failInBranch, 0).endedAtFailStep()).isFalse();
        List<StepExecution> saga = List.of(entry("pay", "task", Outcome.SUCCEEDED), entry("ship", "task", Outcome.FAILED),
                entry("pay", "compensation", Outcome.SUCCEEDED));
        assertThat(Redrives.Facts.of(RunStatus.FAILED, saga, 0).compensated()).isTrue();
        assertThat(Redrives.restartStep(saga)).contains("ship");
        assertThat(Redrives.restartStep(failInBranch)).contains("fan");
        assertThat(Redrives.restartStep(List.of())).isEmpty();
    }
}
