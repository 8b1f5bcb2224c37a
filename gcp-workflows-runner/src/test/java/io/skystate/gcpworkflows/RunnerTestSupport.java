package io.skystate.gcpworkflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Starts one runner per test class and runs workflow sources on it. */
abstract class RunnerTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();
    static WorkflowsRunner runner;

    @BeforeAll
    static void startRunner() {
        runner = WorkflowsRunner.start(0);
    }

    @AfterAll
    static void stopRunner() {
        runner.close();
    }

    /** Runs the source and returns its result, failing the test unless it SUCCEEDED. */
    static JsonNode result(String source, String argument) {
        ExecutionOutcome outcome = runner.execute(source, argument);
        assertThat(outcome.state()).as("state; error: %s", outcome.error()).isEqualTo(ExecutionState.SUCCEEDED);
        return parse(outcome.result());
    }

    static JsonNode result(String source) {
        return result(source, null);
    }

    /** Runs the source and returns the error payload, failing the test unless it FAILED. */
    static JsonNode error(String source, String argument) {
        ExecutionOutcome outcome = runner.execute(source, argument);
        assertThat(outcome.state()).as("state; result: %s", outcome.result()).isEqualTo(ExecutionState.FAILED);
        return parse(outcome.error().payload());
    }

    static JsonNode error(String source) {
        return error(source, null);
    }

    /** The result of returning one expression (single-quoted in YAML, as colons inside need). */
    static JsonNode eval(String expression) {
        return result(returning(expression));
    }

    /** The error of returning one expression. */
    static JsonNode evalError(String expression) {
        return error(returning(expression));
    }

    private static String returning(String expression) {
        return "- r:\n    return: '${" + expression.replace("'", "''") + "}'\n";
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    static String tag(JsonNode error) {
        return error.path("tags").path(0).asText();
    }
}
