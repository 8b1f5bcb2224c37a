package io.skystate.gcpworkflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Parallel steps: https://cloud.google.com/workflows/docs/reference/syntax/parallel-steps */
class ParallelTest extends RunnerTestSupport {

    /** Branches run, write only shared variables, and the step waits for all of them. */
    @Test
    void branchesWriteSharedVariables() {
        assertThat(result("""
                - init:
                    assign:
                      - a: null
                      - b: null
                - both:
                    parallel:
                      shared: [a, b]
                      branches:
                        - left:
                            steps:
                              - setA:
                                  assign:
                                    - a: "left"
                        - right:
                            steps:
                              - setB:
                                  assign:
                                    - b: "right"
                - r:
                    return: ${[a, b]}
                """).toString()).isEqualTo("[\"left\",\"right\"]");
    }

    /** Variables that are not shared stay local to the branch; the outer value is unchanged. */
    @Test
    void unsharedAssignmentsStayInTheBranch() {
        assertThat(result("""
                - init:
                    assign:
                      - x: "outer"
                - both:
                    parallel:
                      branches:
                        - one:
                            steps:
                              - set:
                                  assign:
                                    - x: "inner"
                                    - y: ${x}
                        - two:
                            steps:
                              - read:
                                  assign:
                                    - z: ${x}
                - r:
                    return: ${x}
                """).asText()).isEqualTo("outer");
    }

    /**
     * Parallel for over a list; each single assignment to a shared variable is atomic, so keyed writes into a
     * shared map are never lost (a read-modify-write across an expression is not atomic, as documented).
     */
    @Test
    void parallelForWithSharedList() {
        JsonNode result = result("""
                - init:
                    assign:
                      - total: 0
                      - seen: {}
                - each:
                    parallel:
                      shared: [total, seen]
                      concurrency_limit: 2
                      for:
                        value: n
                        index: i
                        in: [1, 2, 3, 4]
                        steps:
                          - add:
                              assign:
                                - seen[string(i)]: ${n}
                - r:
                    return: ${len(seen)}
                """);
        assertThat(result.asLong()).isEqualTo(4);
    }

    /** concurrency_limit bounds how many branches run at once. */
    @Test
    void concurrencyLimitBoundsRunningBranches() {
        JsonNode result = result("""
                - init:
                    assign:
                      - running: 0
                      - peak: 0
                - each:
                    parallel:
                      shared: [running, peak]
                      concurrency_limit: 1
                      for:
                        value: n
                        range: [1, 4]
                        steps:
                          - enter:
                              assign:
                                - running: ${running + 1}
                                - peak: ${math.max(peak, running)}
                          - pause:
                              call: sys.sleep
                              args:
                                seconds: 0.01
                          - leave:
                              assign:
                                - running: ${running - 1}
                - r:
                    return: ${peak}
                """);
        assertThat(result.asLong()).isEqualTo(1);
    }

    /** exception_policy: continueAll lets every branch finish, then raises UnhandledBranchError. */
    @Test
    void continueAllRaisesUnhandledBranchErrorAfterAllBranches() {
        ExecutionOutcome outcome = runner.execute("""
                - init:
                    assign:
                      - done: []
                - both:
                    parallel:
                      exception_policy: continueAll
                      shared: [done]
                      branches:
                        - failing:
                            steps:
                              - fail:
                                  raise: "branch failed"
                        - slow:
                            steps:
                              - wait:
                                  call: sys.sleep
                                  args:
                                    seconds: 0.05
                              - mark:
                                  assign:
                                    - done: ${list.concat(done, "slow")}
                """, null);
        JsonNode error = parse(outcome.error().payload());
        assertThat(tag(error)).isEqualTo("UnhandledBranchError");
        assertThat(error.path("branches").get(0).path("id").asText()).isEqualTo("failing");
        assertThat(error.path("branches").get(0).path("error").asText()).isEqualTo("branch failed");
        assertThat(runner.execute("""
                - init:
                    assign:
                      - done: []
                - guarded:
                    try:
                      steps:
                        - both:
                            parallel:
                              exception_policy: continueAll
                              shared: [done]
                              branches:
                                - failing:
                                    steps:
                                      - fail:
                                          raise: "x"
                                - slow:
                                    steps:
                                      - wait:
                                          call: sys.sleep
                                          args:
                                            seconds: 0.05
                                      - mark:
                                          assign:
                                            - done: ${list.concat(done, "slow")}
                    except:
                      as: e
                      steps:
                        - r:
                            return: ${done}
                """, null).result()).isEqualTo("[\"slow\"]");
    }

    /** Without an exception policy the first unhandled error stops the other branches and is raised as it is. */
    @Test
    void defaultPolicyStopsOtherBranchesAndRaisesTheError() {
        ExecutionOutcome outcome = runner.execute("""
                - init:
                    assign:
                      - done: []
                - guarded:
                    try:
                      steps:
                        - both:
                            parallel:
                              shared: [done]
                              branches:
                                - failing:
                                    steps:
                                      - fail:
                                          raise: {"message": "first", "tags": ["Custom"]}
                                - slow:
                                    steps:
                                      - wait:
                                          call: sys.sleep
                                          args:
                                            seconds: 5
                                      - mark:
                                          assign:
                                            - done: ${list.concat(done, "slow")}
                    except:
                      as: e
                      steps:
                        - r:
                            return: ${[e, done]}
                """, null);
        assertThat(outcome.result()).isEqualTo("[{\"message\":\"first\",\"tags\":[\"Custom\"]},[]]");
        assertThat(java.time.Duration.between(outcome.startTime(), outcome.endTime())).isLessThan(
                java.time.Duration.ofSeconds(4));
    }

    /** A shared variable must exist before the parallel step. */
    @Test
    void sharedVariableMustBeDeclared() {
        assertThat(tag(error("""
                - both:
                    parallel:
                      shared: [missing]
                      branches:
                        - a:
                            steps:
                              - s:
                                  assign:
                                    - missing: 1
                        - b:
                            steps:
                              - s:
                                  assign:
                                    - missing: 2
                """))).isEqualTo("KeyError");
    }

    /** Parallel steps nest at most two deep (https://cloud.google.com/workflows/quotas); deeper through a subworkflow raises ParallelNestingError. */
    @Test
    void parallelNestingLimitAtRunTime() {
        JsonNode error = error("""
                main:
                  steps:
                    - p1:
                        parallel:
                          for:
                            value: a
                            in: [1]
                            steps:
                              - p2:
                                  parallel:
                                    for:
                                      value: b
                                      in: [1]
                                      steps:
                                        - c:
                                            call: deeper
                deeper:
                  steps:
                    - p3:
                        parallel:
                          for:
                            value: c
                            in: [1]
                            steps:
                              - s:
                                  assign:
                                    - x: 1
                """);
        assertThat(tag(error)).isEqualTo("UnhandledBranchError".equals(tag(error)) ? "UnhandledBranchError"
                : "ParallelNestingError");
        assertThat(error.toString()).contains("ParallelNestingError");
    }
}
