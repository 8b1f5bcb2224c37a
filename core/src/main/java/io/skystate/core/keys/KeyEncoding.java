package io.skystate.core.keys;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A reversible encoding that turns any key part into a string every provider accepts as a native id: Cosmos DB
 * forbids {@code / \ ? #}, Firestore forbids {@code /}, the ids {@code .} and {@code ..}, and ids of the form
 * {@code __x__}. Forbidden characters, {@code %} itself and control characters become {@code %XX} escapes of their
 * UTF-8 bytes; the two dot ids and the {@code __} prefix are escaped whole. Everything else is left readable.
 * Encoded length is at most three times the UTF-8 length.
 *
 * <p>It does <em>not</em> preserve order ({@code "a%2F"} sorts before {@code "a-"} once encoded): where native keys
 * must list in the portable order, use {@link OrderedKeyEncoding}. Stateless and thread-safe.
 */
public final class KeyEncoding {
    private KeyEncoding() {
    }

    public static String encode(String part) {
        if (part.equals(".")) {
            return "%2E";
        }
        if (part.equals("..")) {
            return "%2E%2E";
        }
        StringBuilder out = new StringBuilder(part.length() + 8);
        boolean reservedUnderscores = part.startsWith("__") && part.endsWith("__") && part.length() >= 4;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (needsEscape(c) || (i == 0 && reservedUnderscores)) {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public static String decode(String encoded) {
        if (encoded.indexOf('%') < 0) {
            return encoded;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw new IllegalArgumentException("truncated escape in encoded key: " + encoded);
                }
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < encoded.length()) {
                    raw = encoded.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(raw);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean needsEscape(char c) {
        return c == '%' || c == '/' || c == '\\' || c == '?' || c == '#' || c < 0x20 || c == 0x7F;
    }
}
