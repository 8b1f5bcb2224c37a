package io.skystate.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.state.Key;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of {@link OrderedKeyEncoding}: reversible, order-preserving, and only characters every store accepts. */
class OrderedKeyEncodingProperties {
    /** The hostile ids of the key and listing suites (conformance {@code key01}-{@code key05}, {@code list01}, {@code list09}). */
    static final List<String> HOSTILE = List.of("/", "\\", "?", "#", ".", "..", "...", "__x__", "__", "_", "a/b/c",
            "%2F", "%252F", "%", " ", " lead", "trail ", "a b", "\ud83d\ude00", "\u4e2d\u6587\u952e", "x".repeat(256),
            "*", "[]", "'\"", "<>&", "~", "+", "=", "|", ":", ";", "@", "$", "{}", "}", "\u00e9", "e\u0301", "Key", "key",
            "\t", "\n", "\r", "a\u0000b", "\u007f", "\u0001", "\u2028", "\ufeff", "\ufffd", "\uffff", "a-", "a%2F",
            "a%", "a/", "a.", "a..", "a_", "a~", "a\u007f", "a\u0080", "a\u00ff", "a\uffff", "a\ud83d\ude00", "a!", "a#",
            "a?", "a\\", "a\"", "a\u0001", "a ", "`", "a`", "^", "\u4e2d".repeat(256), "\ud83d\ude00".repeat(128));

    @Property(tries = 2000)
    void roundTrips(@ForAll("parts") String part) {
        assertThat(OrderedKeyEncoding.decode(OrderedKeyEncoding.encode(part))).isEqualTo(part);
    }

    @Property(tries = 2000)
    void preservesUtf8Order(@ForAll("parts") String a, @ForAll("parts") String b) {
        assertThat(Integer.signum(OrderedKeyEncoding.encode(a).compareTo(OrderedKeyEncoding.encode(b))))
                .isEqualTo(Integer.signum(Key.compareUtf8(a, b)));
    }

    @Property(tries = 1000)
    void preservesOrderOfStringsSharingAPrefix(@ForAll("parts") String prefix, @ForAll("parts") String a,
            @ForAll("parts") String b) {
        preservesUtf8Order(prefix + a, prefix + b);
    }

    @Property(tries = 1000)
    void usesOnlyCharactersEveryStoreAccepts(@ForAll("parts") String part) {
        String encoded = OrderedKeyEncoding.encode(part);
        assertThat(encoded).matches("[-0-9A-Za-z!.:\\[`~]+").doesNotContain("/", "\\", "?", "#", "_", "|", "}")
                .isNotIn(".", "..");
        assertThat(encoded.length()).isLessThanOrEqualTo(3 * part.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    @Example
    void hostileIdsRoundTripAndKeepTheirOrder() {
        List<String> sortedByEncoding = new ArrayList<>(HOSTILE);
        sortedByEncoding.sort((x, y) -> OrderedKeyEncoding.encode(x).compareTo(OrderedKeyEncoding.encode(y)));
        List<String> sortedByUtf8 = new ArrayList<>(HOSTILE);
        sortedByUtf8.sort(Key::compareUtf8);
        assertThat(sortedByEncoding).containsExactlyElementsOf(sortedByUtf8);
        HOSTILE.forEach(id -> assertThat(OrderedKeyEncoding.decode(OrderedKeyEncoding.encode(id))).isEqualTo(id));
    }

    @Example
    void readableWhereItCanBe() {
        assertThat(OrderedKeyEncoding.encode("order-42")).isEqualTo("order-42");
        assertThat(OrderedKeyEncoding.encode("a/b")).isEqualTo("a.2Fb");
        assertThat(OrderedKeyEncoding.encode("__x__")).isEqualTo("[5F[5Fx[5F[5F");
        assertThat(OrderedKeyEncoding.encode("\u00e9")).isEqualTo("~C3~A9");
    }

    @Example
    void foreignTextIsRejected() {
        for (String bad : List.of("a/b", "a_b", "!4", "!41", "~0", "~C3", "a|b", ".2E.zz")) {
            assertThatThrownBy(() -> OrderedKeyEncoding.decode(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** Well-formed Unicode of 1-256 chars, drawn from ASCII, escapes, BMP and supplementary planes alike. */
    @Provide
    Arbitrary<String> parts() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0, 0x7F)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x80, 0x7FF)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x800, 0xFFFF).filter(c -> c < 0xD800 || c > 0xDFFF)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF)));
        return codePoint.list().ofMinSize(1).ofMaxSize(40).map(cps -> {
            StringBuilder sb = new StringBuilder();
            cps.forEach(sb::appendCodePoint);
            return sb.toString();
        }).edgeCases(edges -> edges.add("a", "\u0000", "\uffff"));
    }
}
