package io.skystate.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyEncodingTest {
    @ParameterizedTest
    @ValueSource(strings = {"/", "\\", "?", "#", ".", "..", "__x__", "a/b/c", "%2F", "100%", " lead", "trail ",
        "emoji-😀", "日本語", "__", "___", "tab\there", "...", "a.b"})
    void hostileKeysRoundTripAndAvoidForbiddenCharacters(String key) {
        String encoded = KeyEncoding.encode(key);
        assertThat(KeyEncoding.decode(encoded)).isEqualTo(key);
        assertThat(encoded).doesNotContain("/", "\\", "?", "#").isNotIn(".", "..");
        assertThat(encoded.startsWith("__") && encoded.endsWith("__") && encoded.length() >= 4).isFalse();
    }

    @Test
    void plainKeysAreUnchanged() {
        assertThat(KeyEncoding.encode("order-42_A.b")).isEqualTo("order-42_A.b");
    }

    @Test
    void randomUnicodeStringsRoundTrip() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder sb = new StringBuilder();
            int length = 1 + random.nextInt(40);
            while (sb.length() < length) {
                int cp = random.nextInt(4) == 0 ? 0x1F600 + random.nextInt(80) : random.nextInt(0xD7FF);
                sb.appendCodePoint(cp);
            }
            String key = sb.toString();
            assertThat(KeyEncoding.decode(KeyEncoding.encode(key))).isEqualTo(key);
        }
    }
}
