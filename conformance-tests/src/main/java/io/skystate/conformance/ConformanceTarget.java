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

    /** Rules this target knowingly does not meet; {@link Gaps#none()} if it claims them all. */
    Gaps gaps();
}
