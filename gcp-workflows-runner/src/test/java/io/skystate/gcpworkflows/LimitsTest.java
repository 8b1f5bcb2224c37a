package io.skystate.gcpworkflows;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Limits enforced as https://cloud.google.com/workflows/quotas documents them. */
class LimitsTest extends RunnerTestSupport {

    /** 512 KB memory for variables: exceeding it raises ResourceLimitError. */
    @Test
    void variableMemoryLimit() {
        assertThat(tag(error("""
                - init:
                    assign:
                      - chunk: "0123456789012345678901234567890123456789012345678901234567890123"
                      - big: ""
                - grow:
                    for:
                      value: i
                      range: [1, 13]
                      steps:
                        - twice:
                            assign:
                              - chunk: ${chunk + chunk}
                """))).isEqualTo("ResourceLimitError");
    }

    /** At most 100,000 steps per execution. */
    @Test
    void stepLimit() {
        assertThat(tag(error("""
                - init:
                    assign:
                      - n: 0
                - spin:
                    assign:
                      - n: ${n + 1}
                    next: spin
                """))).isEqualTo("ResourceLimitError");
    }

    /** Call stack depth 20: deeper recursion raises RecursionError. */
    @Test
    void callStackDepth() {
        assertThat(tag(error("""
                main:
                  steps:
                    - c:
                        call: down
                        args:
                          n: 0
                down:
                  params: [n]
                  steps:
                    - again:
                        call: down
                        args:
                          n: ${n + 1}
                """))).isEqualTo("RecursionError");
        assertThat(result("""
                main:
                  steps:
                    - c:
                        call: down
                        args:
                          n: 1
                        result: r
                    - done:
                        return: ${r}
                down:
                  params: [n]
                  steps:
                    - stop:
                        switch:
                          - condition: ${n == 19}
                            return: ${n}
                    - again:
                        call: down
                        args:
                          n: ${n + 1}
                        result: r
                    - out:
                        return: ${r}
                """).asLong()).isEqualTo(19);
    }

    /** The execution argument is at most 32 KB (Execution.argument in the Executions API). */
    @Test
    void argumentSizeLimit() {
        String big = "\"" + "x".repeat(33 * 1024) + "\"";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runner.execute("- r:\n    return: 1\n", big))
                .isInstanceOf(RequestRejectedException.class).hasMessageContaining("32768");
    }
}
