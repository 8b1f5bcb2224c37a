package io.skystate.api.state;

/** What a {@link StateValue}'s bytes are: a UTF-8 JSON document, or opaque bytes. */
public enum ContentType {
    /** UTF-8 JSON. Adapters may store it as a native document but must give back equal JSON. */
    JSON,
    /** Opaque bytes, returned byte for byte. */
    BYTES
}
