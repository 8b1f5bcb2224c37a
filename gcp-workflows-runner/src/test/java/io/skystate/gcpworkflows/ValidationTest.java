package io.skystate.gcpworkflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Deploy-time checks: constructs outside the runner's subset and broken Workflows syntax are rejected before any
 * step runs, with their location. Jumps follow https://cloud.google.com/workflows/docs/reference/syntax/jumps,
 * limits https://cloud.google.com/workflows/quotas, blocking calls
 * https://cloud.google.com/workflows/docs/reference/syntax/expressions#blocking-calls.
 */
class ValidationTest {

    private static List<Problem> check(String source) {
        return WorkflowsRunner.check(source);
    }

    @Test
    void connectorCallIsUnsupportedWithItsLocation() {
        List<Problem> problems = check("""
                main:
                  steps:
                    - a:
                        assign:
                          - x: 1
                    - b:
                        next: c
                    - c:
                        assign:
                          - y: 2
                    - create:
                        call: googleapis.firestore.v1.projects.databases.documents.createDocument
                """);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).kind()).isEqualTo(Problem.Kind.UNSUPPORTED);
        assertThat(problems.get(0).toString()).startsWith("unsupported construct 'call: googleapis.firestore.v1"
                + ".projects.databases.documents.createDocument' at main.steps[3].create (line 11");
    }

    @Test
    void unknownFunctionsAndBlockingCallsInExpressions() {
        assertThat(check("- r:\n    return: ${hash.compute_checksum(\"a\", \"MD5\")}\n"))
                .extracting(Problem::kind).containsExactly(Problem.Kind.UNSUPPORTED);
        assertThat(check("- r:\n    return: ${sys.sleep(1)}\n").get(0).message()).contains("blocking function");
        assertThat(check("- r:\n    return: ${nosuch(1)}\n").get(0).kind()).isEqualTo(Problem.Kind.INVALID);
        assertThat(check("- r:\n    return: ${len(1, 2)}\n").get(0).message()).contains("arguments");
        assertThat(check("- c:\n    call: http.get\n    args:\n      url: x\n      private_service_name: y\n"))
                .extracting(Problem::kind).containsExactly(Problem.Kind.UNSUPPORTED);
    }

    @Test
    void invalidJumps() {
        assertThat(check("- a:\n    next: nowhere\n").get(0).message()).contains("'nowhere'");
        assertThat(check("- a:\n    next: break\n").get(0).message()).contains("only inside a for loop");
        assertThat(check("""
                - loop:
                    for:
                      value: v
                      in: [1]
                      steps:
                        - out:
                            next: after
                - after:
                    return: 1
                """).get(0).message()).contains("cannot leave a for loop");
    }

    @Test
    void subworkflowArgumentsAreChecked() {
        List<Problem> problems = check("""
                main:
                  steps:
                    - c:
                        call: sub
                        args:
                          wrong: 1
                sub:
                  params: [needed]
                  steps:
                    - r:
                        return: ${needed}
                """);
        assertThat(problems).extracting(Problem::message).anyMatch(m -> m.contains("no parameter 'wrong'"))
                .anyMatch(m -> m.contains("needs argument 'needed'"));
    }

    @Test
    void limitsCheckedAtDeploy() {
        StringBuilder branches = new StringBuilder("- p:\n    parallel:\n      branches:\n");
        for (int i = 0; i < 11; i++) {
            branches.append("        - b").append(i).append(":\n            steps:\n              - s:\n")
                    .append("                  assign:\n                    - x: 1\n");
        }
        assertThat(check(branches.toString()).get(0).message()).contains("at most 10 branches");
        StringBuilder assigns = new StringBuilder("- a:\n    assign:\n");
        for (int i = 0; i < 51; i++) {
            assigns.append("      - v").append(i).append(": 1\n");
        }
        assertThat(check(assigns.toString()).get(0).message()).contains("at most 50 assignments");
    }

    @Test
    void malformedYamlAndExpressions() {
        assertThat(check("- a: [\n").get(0).message()).contains("malformed YAML");
        assertThat(check("- r:\n    return: ${1 +}\n").get(0).message()).contains("malformed");
        assertThat(check("sub:\n  steps:\n    - r:\n        return: 1\n")).extracting(Problem::message)
                .anyMatch(message -> message.contains("no 'main'"));
    }

    @Test
    void unknownStepKeyIsUnsupported() {
        assertThat(check("- a:\n    assign:\n      - x: 1\n    timeout: 5\n").get(0).toString())
                .startsWith("unsupported construct 'timeout' (unknown step key) at main.steps[0].a.timeout");
    }

    @Test
    void retryPredicateIsNotAPolicy() {
        assertThat(check("- t:\n    try:\n      call: sys.now\n    retry: ${retry.always}\n").get(0).message())
                .contains("is a retry predicate, not a policy");
    }

    @Test
    void executeRejectsInvalidSourceBeforeRunning() {
        try (WorkflowsRunner runner = WorkflowsRunner.start(0)) {
            assertThatThrownBy(() -> runner.execute("- a:\n    call: experimental.executions.map\n", null))
                    .isInstanceOf(InvalidWorkflowException.class)
                    .satisfies(e -> assertThat(((InvalidWorkflowException) e).hasUnsupportedConstruct()).isTrue());
        }
    }

    @Test
    void returnInsideParallelBranchIsRejected() {
        assertThat(check("""
                - p:
                    parallel:
                      branches:
                        - a:
                            steps:
                              - r:
                                  return: 1
                        - b:
                            steps:
                              - s:
                                  assign:
                                    - x: 1
                """).get(0).message()).contains("return is not allowed inside a parallel branch");
    }
}
