package io.skystate.gcpworkflows;

/**
 * One reason a workflow source is rejected. {@code location} is a path such as {@code main.steps[3].create};
 * {@code line} and {@code column} are 1-based. Immutable.
 */
public record Problem(Kind kind, String location, int line, int column, String message) {
    /** {@link #UNSUPPORTED}: valid Workflows, outside the runner's subset; {@link #INVALID}: not valid Workflows. */
    public enum Kind { UNSUPPORTED, INVALID }

    @Override
    public String toString() {
        return (kind == Kind.UNSUPPORTED ? "unsupported construct " : "invalid workflow: ") + message + " at "
                + location + " (line " + line + ", column " + column + ")";
    }
}
