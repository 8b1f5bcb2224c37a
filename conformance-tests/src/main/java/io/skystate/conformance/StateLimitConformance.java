package io.skystate.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.PayloadTooLargeException;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateLimits;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import io.skystate.api.state.Version;
import java.util.Arrays;

/**
 * The portable size cap ({@link StateLimits}): a record of exactly the cap fits on every provider, one byte more is
 * rejected before any provider call with PayloadTooLargeException, and the previous value survives. On failure,
 * check that the adapter charges {@link StateLimits#recordSize} and that its own metadata fits the allowance.
 */
public class StateLimitConformance extends ConformanceSuite {
    private final String storeName = unique("limit");

    protected final StateStore store() {
        return skystate().stateStore(storeName);
    }

    private static byte[] pattern(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }

    private void assertBoundary(Key key, StateValue atCap, StateValue overCap) {
        assertThat(StateLimits.recordSize(key, atCap)).isEqualTo(StateLimits.MAX_RECORD_BYTES);
        Version version = store().put(key, atCap);
        assertThat(store().get(key).orElseThrow().value()).isEqualTo(atCap);
        assertThatThrownBy(() -> store().put(key, overCap)).isInstanceOf(PayloadTooLargeException.class);
        assertThat(store().get(key).orElseThrow().version()).isEqualTo(version);
        String id = key.id();
        Key fresh = Key.of(key.group(), id.substring(0, id.length() - 1) + (id.endsWith("x") ? "y" : "x"));
        if (StateLimits.recordSize(fresh, overCap) > StateLimits.MAX_RECORD_BYTES) {
            assertThatThrownBy(() -> store().put(fresh, overCap, PutOptions.ifAbsent()))
                    .isInstanceOf(PayloadTooLargeException.class);
            assertThat(store().get(fresh)).isEmpty();
        }
    }

    /** A bytes value of exactly {@code maxValueSize(key)} fits and round-trips; one byte more is rejected. */
    @ConformanceRule
    public final void limit01_bytesValueAtExactCap() {
        Key key = Key.of(unique("g"), "cap");
        int max = StateLimits.maxValueSize(key);
        byte[] bytes = pattern(max + 1);
        assertBoundary(key, StateValue.bytes(Arrays.copyOf(bytes, max)), StateValue.bytes(bytes));
        assertThat(capabilities().maxRecordBytes()).isGreaterThanOrEqualTo(StateLimits.MAX_RECORD_BYTES);
    }

    /**
     * The cap counts key bytes: under a 256-char group and a 256-char CJK id (768 UTF-8 bytes) the exact maximum
     * fits and one byte more is rejected.
     */
    @ConformanceRule
    public final void limit02_capCountsKeyBytes() {
        Key key = Key.of(unique("g") + "x".repeat(240), "\u4e2d".repeat(255) + "a");
        int max = StateLimits.maxValueSize(key);
        byte[] bytes = pattern(max + 1);
        assertBoundary(key, StateValue.bytes(Arrays.copyOf(bytes, max)), StateValue.bytes(bytes));
    }

    /** A JSON value (one long string) of exactly the cap fits and reads back as the same JSON; one byte more fails. */
    @ConformanceRule
    public final void limit03_jsonValueAtExactCap() {
        Key key = Key.of(unique("g"), "json-cap");
        int max = StateLimits.maxValueSize(key);
        String atCap = "\"" + "j".repeat(max - 2) + "\"";
        StateValue value = StateValue.json(atCap);
        assertThat(StateLimits.recordSize(key, value)).isEqualTo(StateLimits.MAX_RECORD_BYTES);
        Version version = store().put(key, value);
        JsonTree.assertSameJson(store().get(key).orElseThrow().value().bytes(), atCap);
        assertThatThrownBy(() -> store().put(key, StateValue.json("\"" + "j".repeat(max - 1) + "\"")))
                .isInstanceOf(PayloadTooLargeException.class);
        assertThat(store().get(key).orElseThrow().version()).isEqualTo(version);
    }
}
