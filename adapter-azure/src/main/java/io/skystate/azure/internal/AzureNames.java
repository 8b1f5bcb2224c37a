package io.skystate.azure.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Native names of stores and queues. Skystate names are {@code [a-z][a-z0-9-]{0,47}}; Azure tables allow only
 * {@code [A-Za-z][A-Za-z0-9]{2,62}} (case-insensitive), queues {@code [a-z0-9-]{3,63}} without {@code --} or a
 * trailing {@code -}, Cosmos DB containers anything but {@code / \ ? #}. So a name is escaped injectively into
 * {@code [a-z0-9]} ({@code 0 -> 00}, {@code - -> 01}) after the prefix ({@code [a-z][a-z0-9]*}); should that exceed 63
 * characters (a name full of zeros and hyphens), its tail is replaced by a hash. Containers keep the name as is.
 * Stateless.
 */
public final class AzureNames {
    private static final int MAX = 63;

    private AzureNames() {
    }

    /** Checks a resource prefix: 1-16 of {@code [a-z0-9]}, starting with a letter. */
    public static String checkPrefix(String prefix) {
        if (prefix == null || !prefix.matches("[a-z][a-z0-9]{0,15}")) {
            throw new IllegalArgumentException("an Azure prefix is 1-16 chars of [a-z0-9] starting with a letter"
                    + " (table names allow nothing else): '" + prefix + "'");
        }
        return prefix;
    }

    /** The table of store {@code name}. */
    public static String table(String prefix, String name) {
        return fit(prefix + escape(name));
    }

    /** The queue of queue {@code name}. */
    public static String queue(String prefix, String name) {
        return fit(prefix + escape(name));
    }

    /**
     * The Durable Functions task hub of the app with this prefix: {@code <prefix>0workflows} (3-45 letters and digits,
     * starting with a letter, as the Azure Storage provider requires). The hub's tables are
     * {@code <hub>History} and {@code <hub>Instances}; no store's table can have those names, since an escaped name
     * never starts with {@code 0} followed by a letter. Its queues and blob containers contain {@code -}, which no
     * queue name here does.
     */
    public static String taskHub(String prefix) {
        return checkPrefix(prefix) + "0workflows";
    }

    /** The Cosmos DB container of store {@code name}. */
    public static String container(String prefix, String name) {
        return prefix + "-" + name;
    }

    static String escape(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (char c : name.toCharArray()) {
            if (c == '0') {
                out.append("00");
            } else if (c == '-') {
                out.append("01");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String fit(String name) {
        if (name.length() <= MAX) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return name.substring(0, MAX - 13) + "z" + hex;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
