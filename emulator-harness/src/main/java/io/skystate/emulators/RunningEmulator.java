package io.skystate.emulators;

import java.util.function.Supplier;

/**
 * What every emulator of this harness has in common: its {@link EmulatorProcess}, and the rule that the instance
 * shared by a JVM (its class's {@code get()}) is never closed by callers, only by the JVM's exit, while a private
 * instance (its class's {@code start()}) is closed by whoever started it. Thread-safe.
 */
public abstract class RunningEmulator implements AutoCloseable {
    private final String name;
    private final EmulatorProcess process;
    private final boolean isShared;

    /**
     * @param name how messages name the emulator ("moto", "Azurite")
     * @param isShared whether this is the JVM's shared instance
     */
    protected RunningEmulator(String name, EmulatorProcess process, boolean isShared) {
        this.name = name;
        this.process = process;
        this.isShared = isShared;
    }

    /** The emulator's process. */
    public final EmulatorProcess process() {
        return process;
    }

    /**
     * Stops a private instance.
     *
     * @throws IllegalStateException on the shared instance, which the JVM's exit stops
     */
    @Override
    public final void close() {
        requirePrivate();
        process.close();
    }

    /**
     * Refuses an operation that would stop the shared instance under the other tests of the JVM.
     *
     * @throws IllegalStateException on the shared instance
     */
    protected final void requirePrivate() {
        if (isShared) {
            throw new IllegalStateException("the shared " + name + " stops when the JVM exits; use "
                    + getClass().getSimpleName() + ".start() for one to stop");
        }
    }

    /** One JVM-wide instance of an emulator, launched on first use. */
    static final class Shared<T extends RunningEmulator> {
        private T instance;

        synchronized T get(Supplier<T> launch) {
            if (instance == null) {
                instance = launch.get();
            }
            return instance;
        }
    }
}
