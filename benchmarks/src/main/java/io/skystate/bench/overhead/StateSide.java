package io.skystate.bench.overhead;

/**
 * One side of a state-overhead benchmark ({@link StateOverheadBench}): the four measured operations on the records
 * of {@link StateOverheadBench#IDS}, either through Skystate's {@code StateStore} ({@link SkystateSide}) or written by
 * hand on a provider's SDK. Versions are whatever the side uses ({@code Version} or the raw version string); the
 * benchmark only hands back what the side returned. One thread; {@link #close()} releases the side's clients.
 */
public interface StateSide extends AutoCloseable {
    /** Reads record {@code i}; returns what was read (so JMH keeps the call). */
    Object get(int i);

    /** Writes record {@code i} unconditionally; returns its new version. */
    Object put(int i);

    /** Writes record {@code i} if its version is still {@code expected}; returns the new version. */
    Object conditionalPut(int i, Object expected);

    /** Writes records 0 to 9 in one transaction. */
    Object transaction10();

    @Override
    void close() throws Exception;
}
