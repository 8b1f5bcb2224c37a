package io.skystate.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.InvalidTokenException;
import io.skystate.api.KeyRing;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TokenSignerTest {
    private final KeyRing ring = Keys.randomRing("k1");
    private final TokenSigner signer = new TokenSigner("t1", ring, "test");

    @Test
    void verifiesItsOwnTokens() {
        String token = signer.sign("hello".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(signer.verify(token), StandardCharsets.UTF_8)).isEqualTo("hello");
    }

    @Test
    void rejectsEveryTamperedCharacter() {
        String token = signer.sign("payload-1234".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < token.length(); i++) {
            char[] chars = token.toCharArray();
            chars[i] = chars[i] == 'A' ? 'B' : 'A';
            String tampered = new String(chars);
            if (!tampered.equals(token)) {
                assertThatThrownBy(() -> signer.verify(tampered)).isInstanceOf(InvalidTokenException.class);
            }
        }
    }

    @Test
    void rejectsTokensOfAnotherRingAndAcceptsRotatedOnes() {
        String old = signer.sign(new byte[] {1});
        TokenSigner stranger = new TokenSigner("t1", Keys.randomRing("k1"), "test");
        assertThatThrownBy(() -> stranger.verify(old)).isInstanceOf(InvalidTokenException.class);
        TokenSigner rotated = new TokenSigner("t1", ring.rotateTo("k2", Keys.newKey()), "test");
        assertThat(rotated.verify(old)).containsExactly(1);
        assertThat(rotated.sign(new byte[] {2})).contains(".k2.");
    }

    @Test
    void rejectsGarbage() {
        for (String garbage : new String[] {"", "x", "t1.k1.a", "t1.k1.a.b.c", "t2.k1.AA.AA", "t1.nokey.AA.AA"}) {
            assertThatThrownBy(() -> signer.verify(garbage)).isInstanceOf(InvalidTokenException.class);
        }
    }
}
