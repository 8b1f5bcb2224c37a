package io.skystate.core.handler;

import io.skystate.api.InvalidTokenException;
import io.skystate.api.KeyRing;
import io.skystate.api.TokenExpiredException;
import io.skystate.api.handler.Handlers;
import io.skystate.core.crypto.Hkdf;
import io.skystate.core.crypto.Keys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies handler endpoint requests. Headers: {@value #DATE} (epoch seconds), {@value #NONCE} (128
 * random bits) and {@value #SIGNATURE} = {@code <keyId>:<Base64url HMAC-SHA256>} over
 * {@code "skystate-handler-v1\n" + handler + "\n" + date + "\n" + nonce + "\n" + hex(SHA-256(body))}, keyed by an
 * {@link Hkdf} derivation of the ring key for this purpose alone. The handler name, not the URL path, is signed, so
 * proxies and route prefixes do not break signatures. Verification checks the key id, the MAC in constant time and
 * that the date is within {@link Handlers#REQUEST_VALIDITY} of now; single use is the {@link ReplayGuard}'s job.
 * Thread-safe.
 */
public final class RequestSigning {
    public static final String DATE = "X-Skystate-Date";
    public static final String NONCE = "X-Skystate-Nonce";
    public static final String SIGNATURE = "X-Skystate-Signature";
    private static final String PURPOSE = "skystate handler request v1";

    private final KeyRing keys;
    private final Clock clock;
    private final String provider;
    private final Map<String, byte[]> derived = new ConcurrentHashMap<>();

    public RequestSigning(KeyRing keys, Clock clock, String provider) {
        this.keys = keys;
        this.clock = clock;
        this.provider = provider;
    }

    /** The headers that authenticate one call of {@code handler} with {@code body}. */
    public Map<String, String> sign(String handler, byte[] body) {
        String date = Long.toString(clock.instant().getEpochSecond());
        String nonce = Keys.randomId();
        String keyId = keys.currentKeyId();
        return Map.of(DATE, date, NONCE, nonce, SIGNATURE, keyId + ":" + mac(keyId, handler, date, nonce, body));
    }

    /** A verified request's nonce and date; throws {@link InvalidTokenException} or {@link TokenExpiredException}. */
    public Verified verify(String handler, Map<String, String> headers, byte[] body) {
        String date = header(headers, DATE);
        String nonce = header(headers, NONCE);
        String signature = header(headers, SIGNATURE);
        if (date == null || nonce == null || signature == null) {
            throw new InvalidTokenException(provider, "handler endpoints need a signed request (" + DATE + ", "
                    + NONCE + ", " + SIGNATURE + "): build it with Handlers.endpointRequest");
        }
        int colon = signature.indexOf(':');
        String keyId = colon < 0 ? "" : signature.substring(0, colon);
        if (keys.key(keyId) == null || !nonce.matches("[0-9a-f]{32}") || !date.matches("\\d{1,12}")) {
            throw new InvalidTokenException(provider, "malformed or unknown-key request signature");
        }
        byte[] expected = mac(keyId, handler, date, nonce, body).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = signature.substring(colon + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new InvalidTokenException(provider, "the request signature does not match its handler and body");
        }
        Instant signed = Instant.ofEpochSecond(Long.parseLong(date));
        Instant now = clock.instant();
        if (signed.isBefore(now.minus(Handlers.REQUEST_VALIDITY)) || signed.isAfter(now.plus(Handlers.REQUEST_VALIDITY))) {
            throw new TokenExpiredException(provider, "the request was signed at " + signed + ", outside "
                    + Handlers.REQUEST_VALIDITY + " of now");
        }
        return new Verified(nonce, signed);
    }

    /** What a verified request proved: its one-time nonce and when it was signed. */
    public record Verified(String nonce, Instant signedAt) {
    }

    private String mac(String keyId, String handler, String date, String nonce, byte[] body) {
        byte[] key = derived.computeIfAbsent(keyId, id -> Hkdf.derive(keys.key(id), PURPOSE, 32));
        String canonical = "skystate-handler-v1\n" + handler + "\n" + date + "\n" + nonce + "\n" + sha256(body);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** A header by case-insensitive name (HTTP stacks differ in how they case header names). */
    static String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return e.getValue();
            }
        }
        return null;
    }
}
