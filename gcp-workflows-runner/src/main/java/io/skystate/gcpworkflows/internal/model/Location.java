package io.skystate.gcpworkflows.internal.model;

/**
 * Where a construct sits in a workflow source: a path such as {@code main.steps[3].create} and a 1-based line and
 * column. Immutable.
 */
public record Location(String path, int line, int column) {
    public Location child(String segment, int childLine, int childColumn) {
        return new Location(path + segment, childLine, childColumn);
    }

    @Override
    public String toString() {
        return path + " (line " + line + ")";
    }
}
