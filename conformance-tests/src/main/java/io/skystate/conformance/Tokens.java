package io.skystate.conformance;

import java.security.SecureRandom;
import java.util.Base64;

/** Forged and tampered tokens for the callback and session rules. */
final class Tokens {
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /**
     * {@code token} with the char at {@code index} changed. A Base64url char gets its most significant bit flipped,
     * so the decoded bytes change even in the last, partly-used position; any other char (a separator) becomes 'A'.
     */
    static String tamper(String token, int index) {
        char c = token.charAt(index);
        int digit = BASE64URL.indexOf(c);
        char replacement = digit < 0 ? 'A' : BASE64URL.charAt(digit ^ 32);
        return token.substring(0, index) + replacement + token.substring(index + 1);
    }

    /** Positions worth tampering with: first, quarter, middle, three quarters, last. */
    static int[] positions(String token) {
        int n = token.length();
        return new int[] {0, n / 4, n / 2, (3 * n) / 4, n - 1};
    }

    /** Random Base64url text of {@code bytes} random bytes. */
    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** A random 32-byte key for a key ring. */
    static byte[] key() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return b;
    }
}
