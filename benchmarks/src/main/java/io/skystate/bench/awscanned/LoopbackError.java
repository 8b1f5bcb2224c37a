package io.skystate.bench.awscanned;

/**
 * A DynamoDB error answer of {@link LoopbackDynamo}: HTTP 400 with the JSON 1.0 protocol's error body
 * ({@code __type} = {@code com.amazonaws.dynamodb.v20120810#<type>}, {@code message}), which the SDK maps to its
 * exception of that name. {@code extra} is JSON text of further members (the cancellation reasons), or empty.
 */
final class LoopbackError extends RuntimeException {
    private final String type;
    private final String extra;

    LoopbackError(String type, String message, String extra) {
        super(message, null, false, false);
        this.type = type;
        this.extra = extra;
    }

    static LoopbackError validation(String message) {
        return new LoopbackError("ValidationException", message, "");
    }

    static LoopbackError conditionFailed() {
        return new LoopbackError("ConditionalCheckFailedException", "The conditional request failed", "");
    }

    String type() {
        return type;
    }

    String extra() {
        return extra;
    }
}
