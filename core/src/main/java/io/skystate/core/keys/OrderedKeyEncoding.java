package io.skystate.core.keys;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A reversible, <em>order-preserving</em> encoding of a key part into printable ASCII that every provider accepts in
 * a native key: comparing two encodings as strings (by UTF-16 unit, by code point or by byte: for ASCII these agree)
 * gives the same order as comparing the originals by their UTF-8 bytes ({@code Key.compareUtf8}).
 *
 * <p>The UTF-8 bytes {@code [0-9A-Za-z-]} stand for themselves; every other byte becomes an escape character followed
 * by its two upper-case hex digits. There is one escape character per run of escaped bytes between two unescaped
 * ones, and it is itself a byte of that run, so an escape sorts exactly where the byte it stands for sorts:
 *
 * <table>
 *   <caption>escape characters</caption>
 *   <tr><th>bytes</th><th>escape</th><th>example</th></tr>
 *   <tr><td>0x00-0x2C (controls, space, {@code ! " # $ % & ' ( ) * + ,})</td><td>{@code !}</td><td>{@code "a b" -> "a!20b"}</td></tr>
 *   <tr><td>0x2E-0x2F ({@code . /})</td><td>{@code .}</td><td>{@code "a/b" -> "a.2Fb"}</td></tr>
 *   <tr><td>0x3A-0x40 ({@code : ; < = > ? @})</td><td>{@code :}</td><td>{@code "?" -> ":3F"}</td></tr>
 *   <tr><td>0x5B-0x5F ({@code [ \ ] ^ _})</td><td>{@code [}</td><td>{@code "__x__" -> "[5F[5Fx[5F[5F"}</td></tr>
 *   <tr><td>0x60 ({@code `})</td><td>{@code `}</td><td>{@code "`" -> "`60"}</td></tr>
 *   <tr><td>0x7B-0xFF ({@code { | } ~}, DEL, every byte of a non-ASCII character)</td><td>{@code ~}</td><td>{@code "é" -> "~C3~A9"}</td></tr>
 * </table>
 *
 * <p>The output therefore never contains {@code / \ ? #}, control characters, {@code _}, {@code |} or <code>}</code>, is
 * never {@code .} or {@code ..}, and never has the form {@code __x__}: it is a valid Cosmos DB item id, Azure Table
 * PartitionKey/RowKey, Firestore document id and DynamoDB key. Encoding is concatenative (each byte maps on its own),
 * which is what makes prefixes and order carry over. Length: 1 char per unescaped byte, 3 per escaped byte, so at
 * most {@code 3 * utf8Length}. Stateless and thread-safe.
 */
public final class OrderedKeyEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final char[] ESCAPE_OF = new char[256];

    static {
        for (int b = 0; b < 256; b++) {
            ESCAPE_OF[b] = escapeFor(b);
        }
    }

    private OrderedKeyEncoding() {
    }

    /** The encoding of {@code part}, which must be well-formed Unicode (as every {@code Key} part is). */
    public static String encode(String part) {
        byte[] utf8 = part.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(utf8.length + 16);
        for (byte raw : utf8) {
            int b = raw & 0xFF;
            char escape = ESCAPE_OF[b];
            if (escape == 0) {
                out.append((char) b);
            } else {
                out.append(escape).append(HEX[b >> 4]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }

    /**
     * The part {@code encoded} stands for.
     *
     * @throws IllegalArgumentException if {@code encoded} is not an output of {@link #encode}
     */
    public static String decode(String encoded) {
        byte[] bytes = new byte[encoded.length()];
        int n = 0;
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c < 128 && ESCAPE_OF[c] == 0) {
                bytes[n++] = (byte) c;
                continue;
            }
            if (i + 2 >= encoded.length()) {
                throw new IllegalArgumentException("truncated or foreign character at " + i + " of encoded key " + encoded);
            }
            int b = hex(encoded.charAt(i + 1), encoded) << 4 | hex(encoded.charAt(i + 2), encoded);
            if (c != ESCAPE_OF[b] || ESCAPE_OF[b] == 0) {
                throw new IllegalArgumentException("escape " + encoded.substring(i, i + 3) + " is not canonical in " + encoded);
            }
            bytes[n++] = (byte) b;
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("encoded key is not UTF-8: " + encoded, e);
        }
    }

    /** Whether byte {@code b} is written as itself. */
    static boolean unescaped(int b) {
        return ESCAPE_OF[b] == 0;
    }

    private static char escapeFor(int b) {
        if (b == '-' || (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z')) {
            return 0;
        }
        if (b < '-') {
            return '!';
        }
        if (b < '0') {
            return '.';
        }
        if (b < 'A') {
            return ':';
        }
        if (b < '`') {
            return '[';
        }
        if (b == '`') {
            return '`';
        }
        return '~';
    }

    private static int hex(char c, String encoded) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw new IllegalArgumentException("bad hex digit '" + c + "' in encoded key " + encoded);
    }
}
