package io.skystate.gcpworkflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The sequential step kinds, subworkflows and jumps. */
class StepsTest extends RunnerTestSupport {

    /** main with params: [args] receives the execution argument: https://cloud.google.com/workflows/docs/reference/syntax/runtime-arguments */
    @Test
    void mainReceivesRuntimeArguments() {
        String source = """
                main:
                  params: [args]
                  steps:
                    - r:
                        return: ${args.x + 1}
                """;
        assertThat(result(source, "{\"x\": 41}").asLong()).isEqualTo(42);
    }

    /** The simple form, a list of steps, and a workflow ending without return gives null: https://cloud.google.com/workflows/docs/reference/syntax/completing */
    @Test
    void simpleFormWithoutReturnGivesNull() {
        assertThat(result("""
                - a:
                    assign:
                      - x: 1
                """).isNull()).isTrue();
    }

    /** Assignments run in order; nested map keys and list indexes can be assigned: https://cloud.google.com/workflows/docs/reference/syntax/variables */
    @Test
    void assignsNestedKeysAndIndexes() {
        JsonNode result = result("""
                - init:
                    assign:
                      - a: {"b": [0, 0], "c": {}}
                      - i: 1
                      - a.b[0]: "first"
                      - a.b[i]: ${a.b[0] + "!"}
                      - a["c"]["d"]: 5
                      - a.new: true
                      - a.deep.er: 1
                - r:
                    return: ${a}
                """);
        assertThat(result.toString())
                .isEqualTo("{\"b\":[\"first\",\"first!\"],\"c\":{\"d\":5},\"new\":true,\"deep\":{\"er\":1}}");
    }

    /** Assigning a list index out of range is an IndexError: https://cloud.google.com/workflows/docs/reference/syntax/error-types */
    @Test
    void assigningBeyondListEndIsIndexError() {
        assertThat(tag(error("""
                - init:
                    assign:
                      - l: [1]
                      - l[1]: 2
                """))).isEqualTo("IndexError");
    }

    /** Variables hold copies: changing one never changes another: https://cloud.google.com/workflows/docs/reference/syntax/variables */
    @Test
    void assignmentCopiesValues() {
        assertThat(result("""
                - init:
                    assign:
                      - a: {"x": 1}
                      - b: ${a}
                      - b.x: 2
                - r:
                    return: ${[a.x, b.x]}
                """).toString()).isEqualTo("[1,2]");
    }

    /** Subworkflows with params, defaults, call + result, and calls inside expressions: https://cloud.google.com/workflows/docs/reference/syntax/subworkflows */
    @Test
    void subworkflowsTakeParamsWithDefaults() {
        String source = """
                main:
                  steps:
                    - callIt:
                        call: greet
                        args:
                          name: "Ada"
                        result: greeting
                    - r:
                        return: ${[greeting, greet("Bob", "Hi")]}
                greet:
                  params: [name, prefix: "Hello"]
                  steps:
                    - r:
                        return: ${prefix + " " + name}
                """;
        assertThat(result(source).toString()).isEqualTo("[\"Hello Ada\",\"Hi Bob\"]");
    }

    /** A subworkflow has its own variables: https://cloud.google.com/workflows/docs/reference/syntax/subworkflows */
    @Test
    void subworkflowsDoNotSeeCallerVariables() {
        assertThat(tag(error("""
                main:
                  steps:
                    - init:
                        assign:
                          - secret: 1
                    - c:
                        call: peek
                peek:
                  steps:
                    - r:
                        return: ${secret}
                """))).isEqualTo("KeyError");
    }

    /** switch picks the first true condition; conditions may jump, hold steps, or fall through: https://cloud.google.com/workflows/docs/reference/syntax/conditions */
    @Test
    void switchConditions() {
        String source = """
                main:
                  params: [args]
                  steps:
                    - init:
                        assign:
                          - out: []
                    - choose:
                        switch:
                          - condition: ${args.n < 0}
                            next: negative
                          - condition: ${args.n == 0}
                            steps:
                              - zero:
                                  assign:
                                    - out: ${list.concat(out, "zero")}
                          - condition: ${args.n > 100}
                            return: "big"
                          - condition: true
                            assign:
                              - out: ${list.concat(out, "positive")}
                        next: done
                    - negative:
                        assign:
                          - out: ${list.concat(out, "negative")}
                    - done:
                        return: ${out}
                """;
        assertThat(result(source, "{\"n\": -1}").toString()).isEqualTo("[\"negative\"]");
        assertThat(result(source, "{\"n\": 0}").toString()).isEqualTo("[\"zero\"]");
        assertThat(result(source, "{\"n\": 5}").toString()).isEqualTo("[\"positive\"]");
        assertThat(result(source, "{\"n\": 500}").asText()).isEqualTo("big");
    }

    /** A switch condition that is not a boolean is a TypeError: https://cloud.google.com/workflows/docs/reference/syntax/conditions */
    @Test
    void nonBooleanConditionIsTypeError() {
        assertThat(tag(error("""
                - s:
                    switch:
                      - condition: ${1}
                        next: end
                """))).isEqualTo("TypeError");
    }

    /** next jumps to any step of the same or an enclosing list, including backwards; end stops: https://cloud.google.com/workflows/docs/reference/syntax/jumps */
    @Test
    void nextJumpsAndEnd() {
        assertThat(result("""
                - init:
                    assign:
                      - n: 0
                - loop:
                    assign:
                      - n: ${n + 1}
                - again:
                    switch:
                      - condition: ${n < 3}
                        next: loop
                - nested:
                    steps:
                      - inner:
                          next: out
                      - skipped:
                          raise: "not reached"
                - skippedToo:
                    raise: "not reached"
                - out:
                    return: ${n}
                """).asLong()).isEqualTo(3);
        assertThat(result("""
                - stop:
                    next: end
                - never:
                    return: 1
                """).isNull()).isTrue();
    }

    /** raise with a string or a map; the raised value is the error payload as is: https://cloud.google.com/workflows/docs/reference/syntax/raising-errors */
    @Test
    void raiseStringOrMap() {
        assertThat(error("""
                - fail:
                    raise: "boom"
                """).asText()).isEqualTo("boom");
        JsonNode map = error("""
                - fail:
                    raise:
                      code: 55
                      message: ${"custom " + "error"}
                """);
        assertThat(map.toString()).isEqualTo("{\"code\":55,\"message\":\"custom error\"}");
    }

    /** A failed execution names the failing step and routine in its error context and stack trace: https://cloud.google.com/workflows/docs/reference/executions/rest/v1/projects.locations.workflows.executions#Error */
    @Test
    void failedExecutionCarriesContextAndStackTrace() {
        ExecutionOutcome outcome = runner.execute("""
                main:
                  steps:
                    - callIt:
                        call: inner
                inner:
                  steps:
                    - fail:
                        raise: "boom"
                """, null);
        assertThat(outcome.state()).isEqualTo(ExecutionState.FAILED);
        assertThat(outcome.error().context()).contains("in step \"fail\", routine \"inner\", line: 7")
                .contains("in step \"callIt\", routine \"main\", line: 3");
        assertThat(outcome.error().stackTrace()).extracting(ExecutionError.StackFrame::step)
                .containsExactly("fail", "callIt");
    }

    /** A workflow cannot return bytes, which are not JSON: https://cloud.google.com/workflows/docs/reference/syntax/datatypes#bytes */
    @Test
    void returningBytesFails() {
        assertThat(tag(error("""
                - r:
                    return: ${text.encode("x")}
                """))).isEqualTo("TypeError");
    }
}
