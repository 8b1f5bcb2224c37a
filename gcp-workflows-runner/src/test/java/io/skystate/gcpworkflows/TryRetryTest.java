package io.skystate.gcpworkflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** try/except and retry: https://cloud.google.com/workflows/docs/reference/syntax/catching-errors and .../retrying */
class TryRetryTest extends RunnerTestSupport {

    /** except assigns the error to the as variable and runs its steps; execution continues after the step. */
    @Test
    void exceptCatchesWithAs() {
        JsonNode result = result("""
                - guarded:
                    try:
                      steps:
                        - divide:
                            assign:
                              - x: ${1 / 0}
                    except:
                      as: e
                      steps:
                        - keep:
                            assign:
                              - caught: ${e.tags}
                - after:
                    return: ${caught}
                """);
        assertThat(result.toString()).isEqualTo("[\"ZeroDivisionError\"]");
    }

    /** An except block can re-raise, and an uncaught error fails the execution. */
    @Test
    void exceptCanReraise() {
        assertThat(error("""
                - guarded:
                    try:
                      call: sys.get_env
                      args:
                        name: ${1 + "x"}
                    except:
                      as: e
                      steps:
                        - again:
                            raise: ${e}
                """).path("tags").get(0).asText()).isEqualTo("TypeError");
    }

    /** A custom predicate subworkflow decides; max_retries counts retries after the first try. */
    @Test
    void customPredicateAndMaxRetries() {
        String source = """
                main:
                  steps:
                    - init:
                        assign:
                          - attempts: 0
                    - flaky:
                        try:
                          steps:
                            - count:
                                assign:
                                  - attempts: ${attempts + 1}
                            - fail:
                                raise: {"code": 503, "message": "busy"}
                        retry:
                          predicate: ${onlyBusy}
                          max_retries: 3
                          backoff:
                            initial_delay: 0.001
                            max_delay: 0.01
                            multiplier: 2
                        except:
                          as: e
                          steps:
                            - r:
                                return: ${[attempts, e.code]}
                onlyBusy:
                  params: [e]
                  steps:
                    - decide:
                        return: ${e.code == 503}
                """;
        assertThat(result(source).toString()).isEqualTo("[4,503]");
    }

    /** retry.never stops at once; retry.always retries (https://cloud.google.com/workflows/docs/reference/stdlib/retry/never). */
    @Test
    void builtInPredicates() {
        String template = """
                - init:
                    assign:
                      - attempts: 0
                - flaky:
                    try:
                      steps:
                        - count:
                            assign:
                              - attempts: ${attempts + 1}
                        - fail:
                            raise: "x"
                    retry:
                      predicate: ${PREDICATE}
                      max_retries: 2
                      backoff:
                        initial_delay: 0
                        max_delay: 0
                        multiplier: 1
                    except:
                      steps:
                        - r:
                            return: ${attempts}
                """;
        assertThat(result(template.replace("PREDICATE", "retry.never")).asLong()).isEqualTo(1);
        assertThat(result(template.replace("PREDICATE", "retry.always")).asLong()).isEqualTo(3);
    }

    /**
     * http.default_retry_predicate retries 429/502/503/504 and connection and timeout errors, not 500
     * (https://cloud.google.com/workflows/docs/reference/stdlib/http/default_retry_predicate); the non-idempotent one
     * only 429/503 and ConnectionFailedError (.../default_retry_predicate_non_idempotent).
     */
    @Test
    void httpDefaultRetryPredicates() {
        assertThat(eval("[http.default_retry_predicate({\"tags\": [\"HttpError\"], \"code\": 502}),"
                + " http.default_retry_predicate({\"tags\": [\"HttpError\"], \"code\": 500}),"
                + " http.default_retry_predicate({\"tags\": [\"TimeoutError\"]}),"
                + " http.default_retry_predicate({\"tags\": [\"ConnectionError\"]}),"
                + " http.default_retry_predicate_non_idempotent({\"tags\": [\"HttpError\"], \"code\": 502}),"
                + " http.default_retry_predicate_non_idempotent({\"tags\": [\"HttpError\"], \"code\": 429}),"
                + " http.default_retry_predicate_non_idempotent({\"tags\": [\"ConnectionFailedError\"]}),"
                + " http.default_retry_predicate_non_idempotent({\"tags\": [\"TimeoutError\"]})]").toString())
                .isEqualTo("[true,false,true,true,false,true,true,false]");
    }

    /** ${http.default_retry} gives up at once on an error its predicate rejects, handing it to except. */
    @Test
    void defaultRetryPolicyHandsRejectedErrorsToExcept() {
        assertThat(result("""
                - init:
                    assign:
                      - attempts: 0
                - guarded:
                    try:
                      steps:
                        - count:
                            assign:
                              - attempts: ${attempts + 1}
                        - fail:
                            raise: {"tags": ["HttpError"], "code": 404}
                    retry: ${http.default_retry}
                    except:
                      as: e
                      steps:
                        - r:
                            return: ${[attempts, e.code]}
                """).toString()).isEqualTo("[1,404]");
    }
}
