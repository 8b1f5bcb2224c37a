package io.skystate.core.state;

import io.skystate.api.PayloadTooLargeException;
import io.skystate.api.UnsupportedCapabilityException;
import io.skystate.api.state.ContentType;
import io.skystate.api.state.Key;
import io.skystate.api.state.StateLimits;
import io.skystate.api.state.StateValue;
import io.skystate.api.state.Transaction;
import io.skystate.api.state.TransactionOperation;
import io.skystate.core.json.JacksonCodec;

/**
 * The checks every adapter runs before it sends a write to its provider, so bad input fails the same way
 * everywhere and nothing is written: record size against {@link StateLimits}, well-formed JSON, and transaction
 * scope. Keys validate themselves on construction.
 */
public final class WriteGuard {
    private final String provider;
    private final JacksonCodec codec;

    public WriteGuard(String provider, JacksonCodec codec) {
        this.provider = provider;
        this.codec = codec;
    }

    public void checkPut(Key key, StateValue value) {
        int size = StateLimits.recordSize(key, value);
        if (size > StateLimits.MAX_RECORD_BYTES) {
            throw new PayloadTooLargeException(provider, "record " + key + " would be " + size
                    + " bytes; the portable maximum is " + StateLimits.MAX_RECORD_BYTES);
        }
        if (value.type() == ContentType.JSON) {
            codec.validate(value.bytes());
        }
    }

    /** Checks every put of {@code tx} and that it stays in one group unless the adapter allows more. */
    public void checkTransaction(Transaction tx, boolean crossGroupAllowed) {
        if (!crossGroupAllowed && !tx.singleGroup()) {
            throw new UnsupportedCapabilityException(provider,
                    provider + " transactions must stay within one group (CROSS_GROUP_TRANSACTIONS is not offered)");
        }
        for (TransactionOperation op : tx.operations()) {
            if (op instanceof TransactionOperation.Put put) {
                checkPut(put.key(), put.value());
            }
        }
    }
}
