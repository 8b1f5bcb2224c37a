package io.skystate.conformance;

import io.skystate.api.KeyRing;
import io.skystate.api.Skystate;

/**
 * What an adapter binding gives the suites: a way to open fresh instances and the gaps it declares. One
 * implementation per adapter (and per environment: in-process, emulator, live cloud), usually a singleton.
 */
public interface ConformanceTarget {
    /** The adapter's id, such as {@code "local"}; names the report directory. */
    String adapterId();

    /**
     * A fresh instance. Each suite opens one per test class and closes it after the class; tests share it and
     * isolate themselves with unique store, group, queue and handler names.
     */
    Skystate open();

    /**
     * A fresh instance that signs callback tokens with {@code callbackKeys} and seals sessions with
     * {@code sessionKeys}. The suites close it themselves. Used by the key-rotation rules.
     */
    Skystate open(KeyRing callbackKeys, KeyRing sessionKeys);

    /**
     * A fresh instance on durable storage of its own (a database file, a dedicated table or task hub), for the
     * restart rules of {@link WorkflowScaleConformance}. The rule closes it (or hands it to {@link #reopen}). By
     * default the binding offers none, and those rules are reported as a {@code DURABLE_WORKFLOWS} capability gap.
     */
    default Skystate openDurable() {
        throw new UnsupportedOperationException("the " + adapterId()
                + " conformance binding offers no durable instance: implement ConformanceTarget.openDurable()");
    }

    /**
     * Closes {@code previous} (opened by {@link #openDurable()} or by this method) and opens a new instance on the
     * same durable storage, as a restarted process would. The caller registers handlers and definitions again.
     */
    default Skystate reopen(Skystate previous) {
        throw new UnsupportedOperationException("the " + adapterId()
                + " conformance binding cannot reopen durable storage: implement ConformanceTarget.reopen(Skystate)");
    }

    /**
     * A fresh instance like {@link #open()} but with {@code workflows.workers=off} ({@link
     * io.skystate.api.WorkflowWorkers#OFF}): it operates runs and runs no steps. The rule closes it. By default the
     * binding offers none, and the rule that needs one fails saying so.
     */
    default Skystate openOperator() {
        throw new UnsupportedOperationException("the " + adapterId()
                + " conformance binding offers no operator instance: implement ConformanceTarget.openOperator()");
    }

    /** Rules this target knowingly does not meet; {@link Gaps#none()} if it claims them all. */
    Gaps gaps();

    /** How long the suites wait on this target; {@link Timing#DEFAULT} suits an in-process adapter. */
    default Timing timing() {
        return Timing.DEFAULT;
    }
}
