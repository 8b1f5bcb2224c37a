package io.skystate.gcpworkflows.internal.exec;

import io.skystate.gcpworkflows.internal.expr.Evaluator;
import io.skystate.gcpworkflows.internal.value.Values;
import io.skystate.gcpworkflows.internal.value.WorkflowError;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Variables of a routine, a for-loop iteration or a parallel branch
 * (https://cloud.google.com/workflows/docs/reference/syntax/variables). Reads see enclosing scopes. An assignment
 * updates the variable where it lives, except that a parallel branch may write an enclosing variable only if it
 * is {@code shared}; otherwise (and for new variables) it creates the variable in this scope, so variables made
 * in a loop or branch vanish with it (https://cloud.google.com/workflows/docs/reference/syntax/iteration,
 * .../parallel-steps#shared-variables). Values are copied on assignment, so variables never share structure.
 * Memory is accounted in the {@link Execution}. Thread-safe: every access to a scope's variables holds its lock,
 * which makes reads and writes of shared variables atomic.
 */
final class Scope {
    enum Kind { ROUTINE, LOOP, BRANCH }

    private final Scope parent;
    private final Kind kind;
    private final Set<String> shared;
    private final Execution execution;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, Long> sizes = new HashMap<>();

    Scope(Scope parent, Kind kind, Set<String> shared, Execution execution) {
        this.parent = parent;
        this.kind = kind;
        this.shared = Set.copyOf(shared);
        this.execution = execution;
    }

    static Scope routine(Execution execution) {
        return new Scope(null, Kind.ROUTINE, Set.of(), execution);
    }

    Scope child(Kind childKind, Set<String> sharedNames) {
        return new Scope(this, childKind, sharedNames, execution);
    }

    /** The value of a visible variable, or a KeyError. */
    Object lookup(String name) {
        for (Scope scope = this; scope != null; scope = scope.parent) {
            synchronized (scope) {
                if (scope.values.containsKey(name)) {
                    return scope.values.get(name);
                }
            }
        }
        throw WorkflowError.keyError("variable '" + name + "' is not defined");
    }

    boolean isDefined(String name) {
        try {
            lookup(name);
            return true;
        } catch (WorkflowError e) {
            return false;
        }
    }

    /** Creates or replaces a variable of this very scope (loop variables, parameters). */
    synchronized void declare(String name, Object value) {
        put(name, Values.deepCopy(value));
    }

    /** {@code name: value}. */
    void assign(String name, Object value) {
        Scope target = writeTarget(name);
        synchronized (target) {
            target.put(name, Values.deepCopy(value));
        }
    }

    /** {@code name.key[index]...: value} with the keys and indexes already evaluated. */
    @SuppressWarnings("unchecked")
    void assignPath(String name, List<Object> path, Object value) {
        Scope target = writeTarget(name);
        synchronized (target) {
            Object root = Values.deepCopy(target.values.containsKey(name) ? target.values.get(name) : lookup(name));
            Object container = root;
            for (int i = 0; i < path.size() - 1; i++) {
                Object key = path.get(i);
                if (container instanceof Map<?, ?> map && key instanceof String field && !map.containsKey(field)) {
                    Map<String, Object> created = new LinkedHashMap<>();
                    ((Map<String, Object>) map).put(field, created);
                    container = created;
                } else {
                    container = Evaluator.index(container, key);
                }
            }
            Object last = path.get(path.size() - 1);
            if (container instanceof List<?> list) {
                ((List<Object>) list).set(Evaluator.listIndex(last, list.size()), Values.deepCopy(value));
            } else if (container instanceof Map<?, ?> map) {
                if (!(last instanceof String field)) {
                    throw WorkflowError.typeError("map keys must be strings, got " + Values.typeName(last));
                }
                ((Map<String, Object>) map).put(field, Values.deepCopy(value));
            } else {
                throw WorkflowError.typeError("cannot assign into a " + Values.typeName(container));
            }
            target.put(name, root);
        }
    }

    /** Gives back this scope's memory when it ends. */
    synchronized void release() {
        long total = 0;
        for (long size : sizes.values()) {
            total += size;
        }
        execution.releaseMemory(total);
        values.clear();
        sizes.clear();
    }

    private Scope writeTarget(String name) {
        for (Scope scope = this; scope != null; scope = scope.parent) {
            synchronized (scope) {
                if (scope.values.containsKey(name)) {
                    return scope;
                }
            }
            if (scope.kind == Kind.ROUTINE || scope.kind == Kind.BRANCH && !scope.shared.contains(name)) {
                break;
            }
        }
        return this;
    }

    private void put(String name, Object value) {
        long size = Values.sizeOf(value) + Values.utf8Length(name);
        checkStrings(value);
        Long previous = sizes.get(name);
        execution.reserveMemory(size - (previous == null ? 0 : previous));
        values.put(name, value);
        sizes.put(name, size);
    }

    private static void checkStrings(Object value) {
        if (value instanceof String string && string.length() * 3L > Limits.MAX_STRING_BYTES
                && Values.utf8Length(string) > Limits.MAX_STRING_BYTES) {
            throw WorkflowError.of(io.skystate.gcpworkflows.internal.value.ErrorTags.RESOURCE_LIMIT_ERROR,
                    "string of " + Values.utf8Length(string) + " bytes exceeds the " + Limits.MAX_STRING_BYTES
                            + "-byte limit");
        } else if (value instanceof List<?> list) {
            list.forEach(Scope::checkStrings);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(Scope::checkStrings);
        }
    }
}
