package io.skystate.gcp.internal.workflows.yaml;

import io.skystate.api.workflow.WorkflowDefinition;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mutable state of compiling one definition: the names given to compiled steps, scope suffixes, and the retry
 * predicate subworkflows (one per distinct test, named in order of first use). Names depend only on the order in
 * which the compiler asks for them, so the same definition always compiles to the same text. Not thread-safe; one
 * per compilation.
 */
final class Compilation {
    private static final int MAX_NAME_PART = 40;

    private final WorkflowDefinition definition;
    private final Map<String, String> stepNames = new HashMap<>();
    private final Map<String, String> predicateNames = new HashMap<>();
    private final Map<String, Object> predicates = new LinkedHashMap<>();
    private int scopes;

    Compilation(WorkflowDefinition definition) {
        this.definition = definition;
    }

    WorkflowDefinition definition() {
        return definition;
    }

    /** The compiled name of a portable step (names are unique across the workflow): {@code s<n>_<name>}. */
    String stepName(String portable) {
        return stepNames.computeIfAbsent(portable, name -> {
            String safe = name.replaceAll("[^A-Za-z0-9_]", "_");
            return "s" + (stepNames.size() + 1) + "_" + (safe.length() > MAX_NAME_PART ? safe.substring(0, MAX_NAME_PART) : safe);
        });
    }

    /**
     * The prefix of the names of a portable step's generated sub-steps, {@code s<n>_} (so they are {@code s<n>__x}:
     * never equal to an entry name {@code s<n>_<name>}, whose name starts with a letter).
     */
    String base(String portable) {
        String name = stepName(portable);
        return name.substring(0, name.indexOf('_') + 1);
    }

    /** A fresh suffix for the variables of a branch scope. */
    String scopeSuffix() {
        return "_" + (++scopes);
    }

    /**
     * The retry predicate subworkflow returning {@code match} (an expression over the portable error {@code e},
     * which it has checked is a map with an {@code error} member); the same expression gets the same subworkflow.
     */
    String predicate(String match) {
        return predicateNames.computeIfAbsent(match, m -> {
            String name = "sky_retry_" + (predicateNames.size() + 1);
            predicates.put(name, Y.map("params", Y.list("e"), "steps", Y.list(
                    Y.step("check", Y.map("switch", Y.list(
                            Y.map("condition", Y.expr("get_type(e) != \"map\""), "return", false),
                            Y.map("condition", Y.expr("not (\"error\" in e)"), "return", false)))),
                    Y.step("match", Y.map("return", Y.expr(m))))));
            return name;
        });
    }

    /** The predicate subworkflows, in order of first use. */
    Map<String, Object> predicates() {
        return predicates;
    }
}
