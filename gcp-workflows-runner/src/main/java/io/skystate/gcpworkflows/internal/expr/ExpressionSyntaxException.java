package io.skystate.gcpworkflows.internal.expr;

/** An expression that cannot be parsed; {@link #offset()} is the 0-based character position in the expression. */
public final class ExpressionSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int offset;

    public ExpressionSyntaxException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
