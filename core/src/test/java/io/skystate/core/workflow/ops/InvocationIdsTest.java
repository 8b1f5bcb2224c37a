package io.skystate.core.workflow.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InvocationIdsTest {
    @Test
    void oneExecutionOfAStepHasOneIdOnEveryAttempt() {
        assertThat(InvocationIds.step("order-7", "fan/1/charge", "h12")).isEqualTo("order-7/fan/1/charge@h12")
                .isEqualTo(InvocationIds.step("order-7", "fan/1/charge", "h12"));
        assertThat(InvocationIds.step("order-7", "charge", "2026-11-30T10:19:29.123Z"))
                .isEqualTo("order-7/charge@2026-11-30T10:19:29.123Z");
    }

    @Test
    void anotherExecutionRunOrStepGetsAnotherId() {
        String id = InvocationIds.step("order-7", "charge", "h3");
        assertThat(InvocationIds.step("order-7", "charge", "h9")).isNotEqualTo(id);
        assertThat(InvocationIds.step("order-8", "charge", "h3")).isNotEqualTo(id);
        assertThat(InvocationIds.step("order-7", "refund", "h3")).isNotEqualTo(id);
        assertThat(InvocationIds.compensation("order-7", "charge", 3)).isEqualTo("order-7/charge@compensation-3")
                .isNotEqualTo(id).isNotEqualTo(InvocationIds.compensation("order-7", "charge", 4));
    }

    @Test
    void pathsTooLongForTheBoundAreHashed() {
        String path = ("p".repeat(64) + "/0/").repeat(8) + "leaf";
        String id = InvocationIds.step("r".repeat(80), path, "x".repeat(64));
        assertThat(id).hasSizeLessThanOrEqualTo(InvocationIds.MAX_LENGTH).startsWith("r".repeat(80) + "/#")
                .endsWith("@" + "x".repeat(64));
        assertThat(InvocationIds.step("r".repeat(80), path + "2", "x".repeat(64))).isNotEqualTo(id);
    }

    @Test
    void rejectsMarkersThatWouldBreakTheFormat() {
        assertThatThrownBy(() -> InvocationIds.step("r", "a", "h/1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InvocationIds.step("r", "a", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InvocationIds.step("", "a", "h1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InvocationIds.compensation("r", "a", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
