package io.skystate.api;

import java.lang.reflect.Type;

/**
 * Converts application objects to and from UTF-8 JSON. The default (Jackson, in {@code skystate-core}) keeps
 * numbers exact: integers of any size and decimals round-trip without loss. Implementations are thread-safe.
 */
public interface Codec {
    /** UTF-8 JSON for {@code value}. */
    byte[] encode(Object value);

    /** Decodes UTF-8 JSON as {@code type}; a malformed document raises {@link InvalidRequestException}. */
    <T> T decode(byte[] json, Class<T> type);

    /** Decodes UTF-8 JSON as a generic {@code type} such as {@code List<Order>}. */
    <T> T decode(byte[] json, Type type);
}
