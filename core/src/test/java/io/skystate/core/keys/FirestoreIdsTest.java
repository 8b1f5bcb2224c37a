package io.skystate.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.state.Key;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link FirestoreIds}: reversible, valid as a Firestore id, and order-preserving under UTF-8 and UTF-16 comparison,
 * for random Unicode strings biased towards the characters the encoding treats specially, and for the key
 * conformance suite's hostile ids.
 */
class FirestoreIdsTest {
    /** The ids of StateKeyConformance (HOSTILE, CONTROL) and StateListingConformance (ORDER_IDS, list09). */
    static final List<String> HOSTILE = List.of("/", "\\", "?", "#", ".", "..", "...", "__x__", "__", "_", "a/b/c",
            "%2F", "%252F", "%", " ", " lead", "trail ", "a b", "\ud83d\ude00", "\u4e2d\u6587\u952e", "x".repeat(250),
            "y".repeat(256), "*", "[]", "'\"", "<>&", "~", "+", "=", "|", ":", ";", "@", "$", "{}", "\u00e9", "e\u0301",
            "Key", "key", "KEY", "/leading", "trailing/", "a//b", "a\\b", "?x=1&y=2", "#frag", "\t", "\n", "\r",
            "a\u0000b", "\u007f", "\u0001", "\u2028", "\ufeff", "\ufffd", "a", "a/b", "ab", "A", "B", "b", "0", "9", "10",
            "a-b", "a.b", "a_b", "a~", "\uff21", "z", "Z", "aa", "a\u0000", "a-", "a%2F", "a%", "a/", "a.", "a..", "a_",
            "a\u007f", "a\u0080", "a\u00ff", "a\uffff", "a\ud83d\ude00", "a!", "a#", "a?", "a\\", "a\"", "a\u0001", "a ",
            "_x_", "%25", "\\\\", "^", "^_", "_^", "\ud7ff", "\ue000", "\uffff", "\ud7ff\ue000", "\u4e2d".repeat(256),
            "\ud83d\ude00".repeat(128), "\ufe0f".repeat(256), "\ud7ff".repeat(256), ".".repeat(256), "_.");

    @Property(tries = 3000)
    void roundTrips(@ForAll("keyParts") String part) {
        assertThat(FirestoreIds.decode(FirestoreIds.encode(part))).isEqualTo(part);
    }

    @Property(tries = 3000)
    void encodedIdsAreValidFirestoreIds(@ForAll("keyParts") String part) {
        assertValidId(FirestoreIds.encode(part));
    }

    @Property(tries = 5000)
    void keepsUtf8OrderUnderBothComparisons(@ForAll("keyParts") String a, @ForAll("keyParts") String b) {
        assertSameOrder(a, b);
    }

    @Property(tries = 2000)
    void keepsOrderOfSharedPrefixes(@ForAll("keyParts") String prefix, @ForAll("keyParts") String a,
            @ForAll("keyParts") String b) {
        assertSameOrder(prefix + a, prefix + b);
        assertSameOrder(prefix, prefix + a);
    }

    @Example
    void hostileIdsRoundTripAreValidAndKeepTheirOrder() {
        for (String id : HOSTILE) {
            String encoded = FirestoreIds.encode(id);
            assertThat(FirestoreIds.decode(encoded)).as("round trip of %s", encoded).isEqualTo(id);
            assertValidId(encoded);
        }
        List<String> raw = new ArrayList<>(HOSTILE);
        raw.sort(Key::compareUtf8);
        List<String> encoded = new ArrayList<>(raw.stream().map(FirestoreIds::encode).toList());
        List<String> byUtf8 = new ArrayList<>(encoded);
        byUtf8.sort(Key::compareUtf8);
        List<String> byUtf16 = new ArrayList<>(encoded);
        byUtf16.sort(String::compareTo);
        assertThat(byUtf8).containsExactlyElementsOf(encoded);
        assertThat(byUtf16).containsExactlyElementsOf(encoded);
    }

    @Example
    void plainIdsStayReadable() {
        assertThat(FirestoreIds.encode("order-42")).isEqualTo("order-42");
        assertThat(FirestoreIds.encode("a.b/c")).isEqualTo("a._b.|c");
        assertThat(FirestoreIds.encode("__x__")).isEqualTo("^__x__");
        assertThat(FirestoreIds.encode("\u4e2d\ud83d\ude00")).isEqualTo("\u4e2d\ud83d\ude00");
    }

    @Example
    void longestPortableKeysFitFirestore() {
        for (char c : new char[] {'.', '\uffff', '\ud7ff', '\u4e2d'}) {
            assertThat(FirestoreIds.encodedBytes(String.valueOf(c).repeat(Key.MAX_LENGTH)))
                    .isLessThanOrEqualTo(FirestoreIds.MAX_BYTES);
        }
    }

    @Example
    void rejectsWhatEncodeNeverProduces() {
        for (String bad : List.of(".", "..", "a/b", "_x", "^x", ".x", "a.", "\ue000", "\ud7ff", "\ud7ff!", "\ud7ff~~")) {
            assertThatThrownBy(() -> FirestoreIds.decode(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Provide
    Arbitrary<String> keyParts() {
        Arbitrary<Integer> special = Arbitraries.of((int) '.', (int) '/', (int) '_', (int) '^', (int) '|', (int) '`',
                (int) '-', 0x00, 0x7F, 0x80, 0xD7FF, 0xE000, 0xE001, 0xFE0F, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF);
        Arbitrary<Integer> ascii = Arbitraries.integers().between(0, 0x7F);
        Arbitrary<Integer> any = Arbitraries.integers().between(0, 0x10FFFF).filter(cp -> cp < 0xD800 || cp > 0xDFFF);
        Arbitrary<Integer> highBmp = Arbitraries.integers().between(0xD000, 0xFFFF).filter(cp -> cp < 0xD800 || cp > 0xDFFF);
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, special), net.jqwik.api.Tuple.of(3, ascii), net.jqwik.api.Tuple.of(2, any),
                net.jqwik.api.Tuple.of(2, highBmp));
        return codePoint.list().ofMinSize(1).ofMaxSize(12).map(FirestoreIdsTest::fromCodePoints);
    }

    private static String fromCodePoints(List<Integer> codePoints) {
        StringBuilder sb = new StringBuilder();
        codePoints.forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static void assertSameOrder(String a, String b) {
        int expected = Integer.signum(Key.compareUtf8(a, b));
        String ea = FirestoreIds.encode(a);
        String eb = FirestoreIds.encode(b);
        assertThat(Integer.signum(Key.compareUtf8(ea, eb))).as("UTF-8 order of %s, %s", ea, eb).isEqualTo(expected);
        assertThat(Integer.signum(ea.compareTo(eb))).as("UTF-16 order of %s, %s", ea, eb).isEqualTo(expected);
    }

    private static void assertValidId(String id) {
        assertThat(id).doesNotContain("/").isNotIn(".", "..");
        assertThat(id.matches("(?s)__.*__")).as("matches __.*__: %s", id).isFalse();
        assertThat(id.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(FirestoreIds.MAX_BYTES);
        assertThat(id.chars().noneMatch(c -> c >= 0xE000 && !Character.isSurrogate((char) c))).as(id).isTrue();
    }
}
