package io.skystate.gcpworkflows.internal.model;

/**
 * A retry policy (https://cloud.google.com/workflows/docs/reference/syntax/retrying): a predicate (a built-in one
 * such as {@code http.default_retry_predicate} or a subworkflow name), {@code max_retries} and an exponential
 * {@code backoff}. Numbers may be expressions. Immutable.
 */
public record RetryPolicy(String predicate, boolean predicateIsSubworkflow, ValueTemplate maxRetries,
                          ValueTemplate initialDelay, ValueTemplate maxDelay, ValueTemplate multiplier,
                          Location location) {
}
