package io.skystate.gcpworkflows;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** for loops: https://cloud.google.com/workflows/docs/reference/syntax/iteration */
class LoopsTest extends RunnerTestSupport {

    /** for over a list with value and index. */
    @Test
    void forInListWithIndex() {
        assertThat(result("""
                - init:
                    assign:
                      - out: []
                - loop:
                    for:
                      value: v
                      index: i
                      in: ["a", "b"]
                      steps:
                        - add:
                            assign:
                              - out: ${list.concat(out, string(i) + v)}
                - r:
                    return: ${out}
                """).toString()).isEqualTo("[\"0a\",\"1b\"]");
    }

    /** range is inclusive at both ends; break and continue. */
    @Test
    void rangeInclusiveWithBreakAndContinue() {
        assertThat(result("""
                - init:
                    assign:
                      - sum: 0
                - loop:
                    for:
                      value: n
                      range: [1, 10]
                      steps:
                        - skipOdd:
                            switch:
                              - condition: ${n % 2 == 1}
                                next: continue
                              - condition: ${n > 6}
                                next: break
                        - add:
                            assign:
                              - sum: ${sum + n}
                - r:
                    return: ${sum}
                """).asLong()).isEqualTo(2 + 4 + 6);
        assertThat(result("""
                - init:
                    assign:
                      - out: []
                - loop:
                    for:
                      value: x
                      range: [0.5, 2]
                      steps:
                        - add:
                            assign:
                              - out: ${list.concat(out, x)}
                - r:
                    return: ${out}
                """).toString()).isEqualTo("[0.5,1.5]");
    }

    /** Variables created in a loop do not exist after it; variables from before the loop keep its changes. */
    @Test
    void loopScope() {
        assertThat(tag(error("""
                - loop:
                    for:
                      value: v
                      in: [1]
                      steps:
                        - make:
                            assign:
                              - inner: ${v}
                - r:
                    return: ${inner}
                """))).isEqualTo("KeyError");
        assertThat(tag(error("""
                - loop:
                    for:
                      value: v
                      in: [1]
                      steps:
                        - noop:
                            assign:
                              - x: 1
                - r:
                    return: ${v}
                """))).isEqualTo("KeyError");
    }

    /** for in needs a list; maps are iterated through keys(). */
    @Test
    void forOverMapIsTypeError() {
        assertThat(tag(error("""
                - loop:
                    for:
                      value: v
                      in: '${ {"a": 1} }'
                      steps:
                        - noop:
                            assign:
                              - x: 1
                """))).isEqualTo("TypeError");
    }

    /** An error inside a loop leaves the loop and can be caught outside it. */
    @Test
    void errorLeavesLoop() {
        assertThat(result("""
                - init:
                    assign:
                      - seen: 0
                - guarded:
                    try:
                      steps:
                        - loop:
                            for:
                              value: v
                              in: [1, 2, 3]
                              steps:
                                - count:
                                    assign:
                                      - seen: ${seen + 1}
                                - failAt2:
                                    switch:
                                      - condition: ${v == 2}
                                        raise: "stop"
                    except:
                      as: e
                      steps:
                        - ignore:
                            assign:
                              - caught: ${e}
                - r:
                    return: ${[seen, caught]}
                """).toString()).isEqualTo("[2,\"stop\"]");
    }
}
