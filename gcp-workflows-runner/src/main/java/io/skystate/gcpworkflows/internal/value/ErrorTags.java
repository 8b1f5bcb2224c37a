package io.skystate.gcpworkflows.internal.value;

/**
 * The error tags the runner raises, as listed at https://cloud.google.com/workflows/docs/reference/syntax/error-types.
 */
public final class ErrorTags {
    public static final String CONNECTION_ERROR = "ConnectionError";
    public static final String CONNECTION_FAILED_ERROR = "ConnectionFailedError";
    public static final String HTTP_ERROR = "HttpError";
    public static final String INDEX_ERROR = "IndexError";
    public static final String KEY_ERROR = "KeyError";
    public static final String PARALLEL_NESTING_ERROR = "ParallelNestingError";
    public static final String RECURSION_ERROR = "RecursionError";
    public static final String RESOURCE_LIMIT_ERROR = "ResourceLimitError";
    public static final String SYSTEM_ERROR = "SystemError";
    public static final String TIMEOUT_ERROR = "TimeoutError";
    public static final String TYPE_ERROR = "TypeError";
    public static final String UNHANDLED_BRANCH_ERROR = "UnhandledBranchError";
    public static final String VALUE_ERROR = "ValueError";
    public static final String ZERO_DIVISION_ERROR = "ZeroDivisionError";

    private ErrorTags() {
    }
}
