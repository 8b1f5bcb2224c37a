package io.skystate.api.state;

import java.nio.charset.StandardCharsets;

/**
 * The portable size cap. Every adapter checks {@link #recordSize} against {@link #MAX_RECORD_BYTES} before it
 * calls its provider, so a record that fits on one provider fits on all (DynamoDB's 400 KB item limit, which also
 * counts attribute names and the adapter's own metadata, is the tightest).
 */
public final class StateLimits {
    /** Maximum {@link #recordSize} of a record, in bytes. */
    public static final int MAX_RECORD_BYTES = 400_000;
    /** Bytes charged per record for version, expiry, type and attribute names. */
    public static final int METADATA_ALLOWANCE_BYTES = 256;

    private StateLimits() {
    }

    /** The size a record is charged: UTF-8 key bytes, value bytes and the fixed metadata allowance. */
    public static int recordSize(Key key, StateValue value) {
        return key.group().getBytes(StandardCharsets.UTF_8).length
                + key.id().getBytes(StandardCharsets.UTF_8).length
                + value.size()
                + METADATA_ALLOWANCE_BYTES;
    }

    /** The largest value size that fits under the cap for {@code key}. */
    public static int maxValueSize(Key key) {
        return MAX_RECORD_BYTES - recordSize(key, StateValue.bytes(new byte[0]));
    }
}
