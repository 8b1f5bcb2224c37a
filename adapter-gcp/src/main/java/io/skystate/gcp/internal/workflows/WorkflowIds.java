package io.skystate.gcp.internal.workflows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Workflow ids for definitions: {@code <prefix><name>-v<version>}, which Workflows accepts when it starts with a
 * letter, holds letters, digits, {@code _} and {@code -}, ends with a letter or digit and has at most 64
 * characters; longer ids keep their start and end and put a hash of the whole in between. Stateless.
 */
public final class WorkflowIds {
    private static final int MAX = 64;

    private WorkflowIds() {
    }

    /** The Workflows workflow id of version {@code version} of workflow {@code name}. */
    public static String id(String prefix, String name, int version) {
        String id = (prefix + name).replaceAll("[^A-Za-z0-9_-]", "-") + "-v" + version;
        if (!Character.isLetter(id.charAt(0))) {
            id = "w" + id;
        }
        if (id.length() <= MAX) {
            return id;
        }
        String tail = "-v" + version;
        return id.substring(0, MAX - tail.length() - 13) + "-" + hash(id) + tail;
    }

    private static String hash(String text) {
        return digest(text).substring(0, 12);
    }

    /** The first 16 bytes of the SHA-256 of {@code text}, in hex (32 characters). */
    static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
