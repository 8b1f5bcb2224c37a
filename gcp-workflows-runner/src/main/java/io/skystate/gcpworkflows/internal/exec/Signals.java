package io.skystate.gcpworkflows.internal.exec;

/**
 * Control-flow signals of the interpreter. They are exceptions without stack traces, never seen by workflow code:
 * {@code try/except} catches only {@link io.skystate.gcpworkflows.internal.value.WorkflowError}.
 */
final class Signals {
    private Signals() {
    }

    /** {@code return: value} leaving the current routine. */
    static final class Return extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Object value;

        Return(Object value) {
            super(null, null, false, false);
            this.value = value;
        }

        Object value() {
            return value;
        }
    }

    /** A {@code next} target not in the current steps list: a step of an enclosing list, end, break or continue. */
    static final class Jump extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String target;

        Jump(String target) {
            super(target, null, false, false);
            this.target = target;
        }

        String target() {
            return target;
        }
    }
}
