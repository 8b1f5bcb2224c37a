package io.skystate.local.internal.workflow;

/** An error a step ended with: its portable name (for retry and catch rules) and a human-readable cause. */
record StepError(String error, String cause) {
}
