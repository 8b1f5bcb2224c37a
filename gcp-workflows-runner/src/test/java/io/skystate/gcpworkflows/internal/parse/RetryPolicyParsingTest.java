package io.skystate.gcpworkflows.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.gcpworkflows.internal.model.Program;
import io.skystate.gcpworkflows.internal.model.RetryPolicy;
import io.skystate.gcpworkflows.internal.model.StepBody;
import io.skystate.gcpworkflows.internal.model.ValueTemplate;
import org.junit.jupiter.api.Test;

/** How retry policies are read: https://cloud.google.com/workflows/docs/reference/syntax/retrying */
class RetryPolicyParsingTest {

    private static RetryPolicy policyOf(String retry) {
        Program program = ProgramParser.parse("- t:\n    try:\n      call: sys.now\n    retry: " + retry + "\n");
        return ((StepBody.Try) program.main().steps().steps().get(0).body()).retry();
    }

    private static Object constant(ValueTemplate template) {
        return ((ValueTemplate.Constant) template).value();
    }

    /**
     * http.default_retry: the idempotent predicate, max_retries 5, backoff retry.default_backoff (1 s, 60 s, 1.25):
     * https://cloud.google.com/workflows/docs/reference/stdlib/http/default_retry
     */
    @Test
    void defaultRetryPolicy() {
        RetryPolicy policy = policyOf("${http.default_retry}");
        assertThat(policy.predicate()).isEqualTo("http.default_retry_predicate");
        assertThat(constant(policy.maxRetries())).isEqualTo(5L);
        assertThat(constant(policy.initialDelay())).isEqualTo(1L);
        assertThat(constant(policy.maxDelay())).isEqualTo(60L);
        assertThat(constant(policy.multiplier())).isEqualTo(1.25);
    }

    /** http.default_retry_non_idempotent: https://cloud.google.com/workflows/docs/reference/stdlib/http/default_retry_non_idempotent */
    @Test
    void nonIdempotentPolicy() {
        RetryPolicy policy = policyOf("${http.default_retry_non_idempotent}");
        assertThat(policy.predicate()).isEqualTo("http.default_retry_predicate_non_idempotent");
        assertThat(constant(policy.maxRetries())).isEqualTo(5L);
    }

    /** A map policy with a built-in predicate and backoff: ${retry.default_backoff}. */
    @Test
    void mapPolicyWithDefaultBackoff() {
        RetryPolicy policy = policyOf("\n      predicate: ${retry.always}\n      max_retries: 3\n"
                + "      backoff: ${retry.default_backoff}");
        assertThat(policy.predicate()).isEqualTo("retry.always");
        assertThat(policy.predicateIsSubworkflow()).isFalse();
        assertThat(constant(policy.maxRetries())).isEqualTo(3L);
        assertThat(constant(policy.multiplier())).isEqualTo(1.25);
    }
}
