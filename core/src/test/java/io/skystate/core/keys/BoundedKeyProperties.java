package io.skystate.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.state.Key;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of {@link BoundedKey}: native keys fit, are distinct for distinct parts, and native order equals the
 * portable order outside buckets; sorting each bucket by the full part (what a store's listing does) restores it.
 */
class BoundedKeyProperties {
    private static final int MAX = 60;

    @Property(tries = 1000)
    void fitsAndIsInjective(@ForAll("longParts") String a, @ForAll("longParts") String b) {
        String na = BoundedKey.of(a, MAX);
        String nb = BoundedKey.of(b, MAX);
        assertThat(na.length()).isLessThanOrEqualTo(MAX);
        assertThat(na.equals(nb)).isEqualTo(a.equals(b));
        if (!BoundedKey.isTruncated(na)) {
            assertThat(BoundedKey.decodeVerbatim(na)).isEqualTo(a);
        }
    }

    @Property(tries = 300)
    void nativeOrderPlusBucketSortIsThePortableOrder(@ForAll("families") List<String> parts) {
        List<String> distinct = parts.stream().distinct().toList();
        TreeMap<String, String> byNative = new TreeMap<>();
        distinct.forEach(p -> byNative.put(BoundedKey.of(p, MAX), p));
        assertThat(listInNativeOrderSortingBuckets(byNative)).containsExactlyElementsOf(
                distinct.stream().sorted(Key::compareUtf8).toList());
    }

    @Property(tries = 300)
    void bucketRangesHoldExactlyTheirBucket(@ForAll("families") List<String> parts) {
        List<String> natives = parts.stream().map(p -> BoundedKey.of(p, MAX)).distinct().toList();
        for (String key : natives) {
            if (BoundedKey.isTruncated(key)) {
                String prefix = BoundedKey.bucket(key);
                for (String other : natives) {
                    boolean inRange = other.compareTo(BoundedKey.bucketStart(prefix)) >= 0
                            && other.compareTo(BoundedKey.bucketEnd(prefix)) < 0;
                    assertThat(inRange).as(other).isEqualTo(BoundedKey.isTruncated(other)
                            && BoundedKey.bucket(other).equals(prefix));
                }
            }
        }
    }

    @Example
    void maximumKeysOfTheKeySuiteFitTheAzureLimits() {
        for (String part : List.of("x".repeat(256), "\u4e2d".repeat(256), "\ud83d\ude00".repeat(128))) {
            assertThat(BoundedKey.of(part, 255).length()).isLessThanOrEqualTo(255);
            assertThat(BoundedKey.of(part, 512).length()).isLessThanOrEqualTo(512);
        }
        assertThat(BoundedKey.of("x".repeat(256), 512)).isEqualTo("x".repeat(256));
    }

    /** What a listing does: walk native order, and sort each bucket by its full parts. */
    private static List<String> listInNativeOrderSortingBuckets(TreeMap<String, String> byNative) {
        List<String> out = new ArrayList<>();
        List<String> bucket = new ArrayList<>();
        String bucketPrefix = null;
        for (Map.Entry<String, String> e : byNative.entrySet()) {
            String prefix = BoundedKey.isTruncated(e.getKey()) ? BoundedKey.bucket(e.getKey()) : null;
            if (bucketPrefix != null && !bucketPrefix.equals(prefix)) {
                bucket.sort(Comparator.comparing(s -> s, Key::compareUtf8));
                out.addAll(bucket);
                bucket.clear();
            }
            bucketPrefix = prefix;
            if (prefix == null) {
                out.add(e.getValue());
            } else {
                bucket.add(e.getValue());
            }
        }
        bucket.sort(Key::compareUtf8);
        out.addAll(bucket);
        return out;
    }

    @Provide
    Arbitrary<String> longParts() {
        return Arbitraries.strings().withChars("ab/\u00e9\u4e2d").ofMinLength(1).ofMaxLength(40)
                .injectDuplicates(0.2);
    }

    /** Lists of parts that share long prefixes, so that buckets form. */
    @Provide
    Arbitrary<List<String>> families() {
        Arbitrary<String> stem = Arbitraries.of("a".repeat(30), "\u4e2d".repeat(9), "a".repeat(26), "b/".repeat(9), "z");
        Arbitrary<String> tail = Arbitraries.of("a", "b", "/", "\u00e9", "\ud83d\ude00").list().ofMaxSize(12)
                .map(pieces -> String.join("", pieces));
        return net.jqwik.api.Combinators.combine(stem, tail).as((s, t) -> s + t).filter(s -> !s.isEmpty())
                .list().ofMinSize(1).ofMaxSize(25);
    }
}
