package io.skystate.gcpworkflows.internal.exec;

/** The Workflows limits the interpreter enforces, as documented at https://cloud.google.com/workflows/quotas. */
public final class Limits {
    /** Steps executed in one execution; more raise ResourceLimitError. */
    public static final long MAX_STEPS = 100_000;
    /** Memory of all variables and arguments of one execution; more raise ResourceLimitError. */
    public static final long MAX_MEMORY_BYTES = 512 * 1024;
    /** Maximum length of a string value (UTF-8 bytes); longer raise ResourceLimitError. */
    public static final long MAX_STRING_BYTES = 256 * 1024;
    /** Depth of the subworkflow call stack, {@code main} included; deeper raise RecursionError. */
    public static final int MAX_CALL_DEPTH = 20;
    /** Depth of nested parallel steps; deeper raise ParallelNestingError. */
    public static final int MAX_PARALLEL_DEPTH = 2;
    /** Branches or iterations of one parallel step running at once (more wait in a queue). */
    public static final int MAX_CONCURRENT_BRANCHES = 20;
    /** Unhandled branch exceptions kept for one {@code continueAll} parallel step. */
    public static final int MAX_UNHANDLED_BRANCH_ERRORS = 100;
    /** Size of the execution argument (https://cloud.google.com/workflows/docs/reference/executions/rest). */
    public static final int MAX_ARGUMENT_BYTES = 32 * 1024;

    private Limits() {
    }
}
