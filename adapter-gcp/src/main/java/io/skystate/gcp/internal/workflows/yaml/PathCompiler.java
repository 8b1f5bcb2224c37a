package io.skystate.gcp.internal.workflows.yaml;

import static io.skystate.gcp.internal.workflows.yaml.Y.assign;
import static io.skystate.gcp.internal.workflows.yaml.Y.expr;
import static io.skystate.gcp.internal.workflows.yaml.Y.jumps;
import static io.skystate.gcp.internal.workflows.yaml.Y.lit;
import static io.skystate.gcp.internal.workflows.yaml.Y.map;
import static io.skystate.gcp.internal.workflows.yaml.Y.next;
import static io.skystate.gcp.internal.workflows.yaml.Y.step;

import io.skystate.api.workflow.DataPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Portable paths as Workflows steps on one data variable, with the semantics of core's {@code JsonPaths}: a read that
 * selects nothing, and a write through a scalar or past the end of a list, jump to a step that fails the run with
 * the fatal DataError. Every test is a switch condition; a switch tries its conditions in order and stops at the
 * first that holds, so no expression ever touches a member that is not there (no KeyError, IndexError or TypeError
 * leaks, and nothing depends on whether {@code and}/{@code or} short-circuit). Stateless.
 */
final class PathCompiler {
    /** Workflows allows 50 conditions per switch. */
    private static final int MAX_CONDITIONS = 50;

    private PathCompiler() {
    }

    /** {@code doc["a"][0]...} for the first {@code count} segments. */
    static String access(String doc, List<Object> segments, int count) {
        StringBuilder access = new StringBuilder(doc);
        for (int i = 0; i < count; i++) {
            Object segment = segments.get(i);
            access.append('[').append(segment instanceof String name ? lit(name) : segment.toString()).append(']');
        }
        return access.toString();
    }

    /** The value at a path whose presence was checked. */
    static String access(String doc, String path) {
        List<Object> segments = DataPath.segments(path);
        return access(doc, segments, segments.size());
    }

    /**
     * Switch steps ({@code name}, {@code name_2}...) jumping to {@code missing} when {@code path} selects nothing in
     * {@code doc}; falling through otherwise. Empty for {@code $}.
     */
    static List<Map<String, Object>> presence(String doc, String path, String name, String missing) {
        List<Object> segments = DataPath.segments(path);
        List<String> checks = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            String parent = access(doc, segments, i);
            if (segments.get(i) instanceof String field) {
                checks.add("get_type(" + parent + ") != \"map\"");
                checks.add("not (" + lit(field) + " in " + parent + ")");
            } else {
                checks.add("get_type(" + parent + ") != \"list\"");
                checks.add("len(" + parent + ") <= " + segments.get(i));
            }
        }
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int from = 0; from < checks.size(); from += MAX_CONDITIONS) {
            List<String> pairs = new ArrayList<>();
            for (String check : checks.subList(from, Math.min(checks.size(), from + MAX_CONDITIONS))) {
                pairs.add(check);
                pairs.add(missing);
            }
            steps.add(step(steps.isEmpty() ? name : name + "_" + (steps.size() + 1), jumps(pairs.toArray(String[]::new))));
        }
        return steps;
    }

    /**
     * Steps that set {@code path} in {@code doc} to {@code value} (an expression), creating missing or null objects on
     * the way and replacing a scalar document by an object, as core's {@code JsonPaths.write} does; they jump to
     * {@code bad} when the path runs through a scalar or past the end of a list. The last step is named
     * {@code name + "_set"} and gets {@code next: then}.
     */
    static List<Map<String, Object>> write(String doc, String path, String value, String name, String bad, String then) {
        List<Object> segments = DataPath.segments(path);
        List<Map<String, Object>> steps = new ArrayList<>();
        String set = name + "_set";
        if (segments.isEmpty()) {
            steps.add(step(set, next(assign(doc, expr(value)), then)));
            return steps;
        }
        String afterRoot = segments.size() == 1 ? set : name + "_1";
        if (segments.get(0) instanceof String) {
            steps.add(step(name, jumps("get_type(" + doc + ") == \"list\"", bad, "get_type(" + doc + ") == \"map\"",
                    afterRoot)));
            steps.add(step(name + "_root", next(assign(doc, map()), afterRoot)));
        } else {
            steps.add(step(name, next(jumps("get_type(" + doc + ") != \"list\"", bad,
                    "len(" + doc + ") <= " + segments.get(0), bad), afterRoot)));
        }
        for (int j = 1; j < segments.size(); j++) {
            String here = name + "_" + j;
            String following = j + 1 < segments.size() ? name + "_" + (j + 1) : set;
            String child = access(doc, segments, j);
            String parent = access(doc, segments, j - 1);
            Object nextSegment = segments.get(j);
            List<String> typeChecks = new ArrayList<>(nextSegment instanceof String
                    ? List.of("get_type(" + child + ") != \"map\"", bad)
                    : List.of("get_type(" + child + ") != \"list\"", bad, "len(" + child + ") <= " + nextSegment, bad));
            if (segments.get(j - 1) instanceof String field) {
                String create = nextSegment instanceof String ? here + "_new" : bad;
                steps.add(step(here, jumps("not (" + lit(field) + " in " + parent + ")", create, child + " == null",
                        create)));
                steps.add(step(here + "_type", next(jumps(typeChecks.toArray(String[]::new)), following)));
                if (nextSegment instanceof String) {
                    steps.add(step(create, next(assign(child, map()), following)));
                }
            } else {
                steps.add(step(here, next(jumps(typeChecks.toArray(String[]::new)), following)));
            }
        }
        steps.add(step(set, next(assign(access(doc, segments, segments.size()), expr(value)), then)));
        return steps;
    }
}
