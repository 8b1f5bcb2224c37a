package io.skystate.gcpworkflows;

/**
 * One log entry of an execution: written by {@code sys.log}, or a note of the runner itself (such as an
 * {@code auth} it did not apply). {@code message} is the logged text, or JSON text for other values. Immutable.
 */
public record LogEntry(String severity, String message) {
}
