package io.skystate.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HkdfTest {
    /** RFC 5869 appendix A.1 (HMAC-SHA256), run through the same extract and expand steps with the vector's salt. */
    @Test
    void matchesRfc5869TestCase1() throws Exception {
        HexFormat hex = HexFormat.of();
        byte[] ikm = hex.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        byte[] salt = hex.parseHex("000102030405060708090a0b0c");
        byte[] info = hex.parseHex("f0f1f2f3f4f5f6f7f8f9");
        byte[] prk = Hkdf.hmac(salt, ikm);
        assertThat(hex.formatHex(prk)).isEqualTo("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        mac.update(info);
        mac.update((byte) 1);
        byte[] t1 = mac.doFinal();
        mac.update(t1);
        mac.update(info);
        mac.update((byte) 2);
        byte[] t2 = mac.doFinal();
        String okm = (hex.formatHex(t1) + hex.formatHex(t2)).substring(0, 84);
        assertThat(okm).isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
    }

    @Test
    void purposesGiveIndependentKeysOfTheRequestedLength() {
        byte[] ring = Keys.newKey();
        byte[] tokens = Hkdf.derive(ring, "skystate callback token", 32);
        byte[] requests = Hkdf.derive(ring, "skystate handler request", 32);
        assertThat(tokens).hasSize(32).isNotEqualTo(requests).isNotEqualTo(ring);
        assertThat(Hkdf.derive(ring, "skystate callback token", 32)).isEqualTo(tokens);
        assertThat(Hkdf.derive(ring, "x", 80)).hasSize(80);
    }
}
