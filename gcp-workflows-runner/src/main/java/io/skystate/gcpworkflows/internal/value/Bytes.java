package io.skystate.gcpworkflows.internal.value;

import java.util.Arrays;

/**
 * The Workflows {@code bytes} value: an immutable byte sequence, produced by {@code text.encode},
 * {@code base64.decode}, {@code json.encode} and binary HTTP bodies. Immutable and thread-safe.
 */
public final class Bytes {
    private final byte[] data;

    public Bytes(byte[] data) {
        this.data = data.clone();
    }

    /** A copy of the content. */
    public byte[] toArray() {
        return data.clone();
    }

    public int length() {
        return data.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes bytes && Arrays.equals(data, bytes.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "bytes[" + data.length + "]";
    }
}
