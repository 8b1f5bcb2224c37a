package io.skystate.api.state;

import io.skystate.api.Arguments;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The value of a record: JSON (encode objects with a {@link io.skystate.api.Codec}) or raw bytes. Immutable: the
 * bytes are copied in and out.
 */
public final class StateValue {
    private final ContentType type;
    private final byte[] bytes;

    private StateValue(ContentType type, byte[] bytes) {
        this.type = Arguments.notNull(type, "type");
        this.bytes = Arguments.notNull(bytes, "bytes").clone();
    }

    /** A JSON value from UTF-8 JSON text. The text is not parsed here; adapters reject malformed JSON. */
    public static StateValue json(byte[] utf8Json) {
        return new StateValue(ContentType.JSON, utf8Json);
    }

    /** A JSON value from JSON text. */
    public static StateValue json(String json) {
        return new StateValue(ContentType.JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    /** An opaque bytes value. */
    public static StateValue bytes(byte[] bytes) {
        return new StateValue(ContentType.BYTES, bytes);
    }

    public ContentType type() {
        return type;
    }

    /** A copy of the value's bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Size of the value in bytes. */
    public int size() {
        return bytes.length;
    }

    /** The value as text; meaningful for JSON values. */
    public String asString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StateValue other && type == other.type && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return type == ContentType.JSON && bytes.length <= 200 ? "json:" + asString() : type + "[" + bytes.length + " bytes]";
    }
}
