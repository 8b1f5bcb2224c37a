package io.skystate.core.queue;

import io.skystate.api.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The portable form of a delivery receipt: {@code rcpt1.<queue>.<provider receipt, Base64url>}. Every adapter hands
 * out receipts in this form and checks them in {@code ack}, so an empty, garbled or other queue's receipt is
 * rejected with {@link InvalidRequestException} the same way everywhere instead of silently deleting nothing. A
 * well-formed receipt of a delivery that is no longer current is still accepted (at-least-once). Stateless.
 */
public final class QueueReceipts {
    private static final String PREFIX = "rcpt1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private QueueReceipts() {
    }

    /** The receipt to hand to the application for a delivery from {@code queue}. */
    public static String wrap(String queue, String providerReceipt) {
        return PREFIX + "." + queue + "." + ENCODER.encodeToString(providerReceipt.getBytes(StandardCharsets.UTF_8));
    }

    /** The provider's receipt inside {@code receipt}; {@link InvalidRequestException} unless it is one of {@code queue}'s. */
    public static String unwrap(String provider, String queue, String receipt) {
        if (receipt == null || receipt.isEmpty()) {
            throw new InvalidRequestException(provider, "ack needs the receipt of a received message; got "
                    + (receipt == null ? "null" : "an empty string"));
        }
        String[] parts = receipt.split("\\.", 3);
        if (parts.length != 3 || !parts[0].equals(PREFIX) || parts[2].isEmpty()) {
            throw new InvalidRequestException(provider, "not a Skystate receipt: ack takes ReceivedMessage.receipt()"
                    + " of a message received from queue '" + queue + "'");
        }
        if (!parts[1].equals(queue)) {
            throw new InvalidRequestException(provider, "the receipt belongs to queue '" + parts[1]
                    + "', not to queue '" + queue + "'");
        }
        try {
            return new String(DECODER.decode(parts[2]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(provider, "the receipt is garbled: ack takes ReceivedMessage.receipt()"
                    + " unchanged", e);
        }
    }
}
