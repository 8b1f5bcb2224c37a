package io.skystate.core.keys;

import java.nio.charset.StandardCharsets;

/**
 * A reversible, order-preserving encoding of key parts into Firestore document ids. Firestore ids must not contain
 * {@code /}, must not be {@code .} or {@code ..}, must not match {@code __.*__} and stop at {@value #MAX_BYTES} UTF-8
 * bytes; Firestore orders them by their UTF-8 bytes. This encoding keeps that order: for any two key parts
 * {@code a} and {@code b}, {@code encode(a)} and {@code encode(b)} compare (by UTF-8 bytes) as {@code a} and
 * {@code b} do. It also keeps the order under UTF-16 code-unit comparison (Java's {@code String.compareTo},
 * JavaScript), because encoded ids contain no character in U+E000..U+FFFF, the only characters whose UTF-16 and
 * UTF-8 orders disagree. Ids stay readable: only these characters change.
 *
 * <table>
 *   <caption>Escapes</caption>
 *   <tr><th>character</th><th>where</th><th>encoded as</th></tr>
 *   <tr><td>{@code .}</td><td>anywhere</td><td>{@code ._}</td></tr>
 *   <tr><td>{@code /}</td><td>anywhere</td><td>{@code .|}</td></tr>
 *   <tr><td>{@code ^}</td><td>first character</td><td>{@code ^^}</td></tr>
 *   <tr><td>{@code _}</td><td>first character</td><td>{@code ^_}</td></tr>
 *   <tr><td>U+D7FF, U+E000..U+FFFF</td><td>anywhere</td><td>U+D7FF and two characters of a 93-letter ASCII
 *       alphabet (the character's rank in the escaped range)</td></tr>
 * </table>
 *
 * <p>Why it keeps order: each escape starts with the character immediately below the characters it replaces
 * ({@code .} below {@code /}, {@code ^} below {@code _}, U+D7FF below U+E000 once surrogates are set aside), that
 * character is always escaped itself, and the code after it is fixed-width and ordered, so no unescaped character
 * sorts between an escape and the characters it stands for. Leading {@code _} is escaped in every id, not only in
 * {@code __x__}, because escaping depending on the rest of the id would break the order. No encoded id starts with
 * {@code _} (so none matches {@code __.*__}) and none is all dots.
 *
 * <p>Size: at most 5 UTF-8 bytes per UTF-16 char of the input, so a portable key part (256 chars) encodes to at most
 * 1,280 bytes. Stateless and thread-safe.
 */
public final class FirestoreIds {
    /** Firestore's limit on a document id, in UTF-8 bytes. */
    public static final int MAX_BYTES = 1500;

    private static final char DOT_ESCAPE = '.';
    private static final char LEAD_ESCAPE = '^';
    private static final char HIGH_ESCAPE = '\uD7FF';
    private static final int HIGH_FIRST = 0xE000;
    /** The code alphabet after {@link #HIGH_ESCAPE}: printable ASCII without {@code /}, in ascending order. */
    private static final String ALPHABET = alphabet();
    private static final int BASE = ALPHABET.length();

    private FirestoreIds() {
    }

    /** The document id for {@code part}, a well-formed Unicode string. */
    public static String encode(String part) {
        StringBuilder out = new StringBuilder(part.length() + 8);
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '.') {
                out.append(DOT_ESCAPE).append('_');
            } else if (c == '/') {
                out.append(DOT_ESCAPE).append('|');
            } else if (i == 0 && (c == LEAD_ESCAPE || c == '_')) {
                out.append(LEAD_ESCAPE).append(c);
            } else if (c == HIGH_ESCAPE || c >= HIGH_FIRST) {
                int rank = c == HIGH_ESCAPE ? 0 : c - HIGH_FIRST + 1;
                out.append(HIGH_ESCAPE).append(ALPHABET.charAt(rank / BASE)).append(ALPHABET.charAt(rank % BASE));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The key part {@code id} encodes.
     *
     * @throws IllegalArgumentException if {@code id} is not the output of {@link #encode}
     */
    public static String decode(String id) {
        StringBuilder out = new StringBuilder(id.length());
        int i = 0;
        while (i < id.length()) {
            char c = id.charAt(i);
            if (c == DOT_ESCAPE) {
                out.append(switch (at(id, i + 1)) {
                    case '_' -> '.';
                    case '|' -> '/';
                    default -> throw notEncoded(id);
                });
                i += 2;
            } else if (c == LEAD_ESCAPE && i == 0) {
                char escaped = at(id, 1);
                if (escaped != LEAD_ESCAPE && escaped != '_') {
                    throw notEncoded(id);
                }
                out.append(escaped);
                i += 2;
            } else if (c == HIGH_ESCAPE) {
                int high = ALPHABET.indexOf(at(id, i + 1));
                int low = ALPHABET.indexOf(at(id, i + 2));
                int rank = high * BASE + low;
                if (high < 0 || low < 0 || rank > 0xFFFF - HIGH_FIRST + 1) {
                    throw notEncoded(id);
                }
                out.append(rank == 0 ? HIGH_ESCAPE : (char) (HIGH_FIRST + rank - 1));
                i += 3;
            } else if (c == '/' || (c >= HIGH_FIRST && !Character.isSurrogate(c)) || (i == 0 && c == '_')) {
                throw notEncoded(id);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The UTF-8 length of {@code encode(part)}, to check against {@link #MAX_BYTES}. */
    public static int encodedBytes(String part) {
        return encode(part).getBytes(StandardCharsets.UTF_8).length;
    }

    private static char at(String id, int index) {
        if (index >= id.length()) {
            throw notEncoded(id);
        }
        return id.charAt(index);
    }

    private static IllegalArgumentException notEncoded(String id) {
        return new IllegalArgumentException("not an encoded Firestore id: " + id);
    }

    private static String alphabet() {
        StringBuilder letters = new StringBuilder();
        for (char c = '!'; c <= '~'; c++) {
            if (c != '/') {
                letters.append(c);
            }
        }
        return letters.toString();
    }
}
