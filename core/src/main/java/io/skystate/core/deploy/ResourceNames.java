package io.skystate.core.deploy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cloud resource names derived from an application's and its definitions' names, deterministically and within a
 * cloud's limits. A name too long for its limit keeps as much of its start as fits and ends in {@code -} plus the
 * first {@value #HASH_CHARS} hex digits of the SHA-256 of the whole name, so shortened names stay readable, stable
 * from build to build and distinct (two names that differ only past the cut still differ in the hash).
 * Limits are checked with {@link #requireWithin} and collisions with {@link #requireUnique}, which fail packaging
 * with the resource, the cloud and the limit named instead of leaving it to the cloud to refuse the deployment.
 */
public final class ResourceNames {
    /** Hex digits of the hash a shortened name ends with. */
    public static final int HASH_CHARS = 8;

    private ResourceNames() {
    }

    /**
     * A resource-name prefix from an application name: lower-case letters, digits and single {@code -}, starting
     * with a letter, ending in {@code -}, at most {@code maxLength} characters (shortened with a hash if need be).
     */
    public static String prefix(String application, int maxLength) {
        if (maxLength < HASH_CHARS + 3) {
            throw new IllegalArgumentException("a prefix needs at least " + (HASH_CHARS + 3) + " characters, got "
                    + maxLength);
        }
        String slug = slug(application);
        return shorten(slug, maxLength - 1) + "-";
    }

    /**
     * {@code name} in lower-case letters, digits and single hyphens, starting with a letter ({@code a} is put in
     * front otherwise) and not ending in a hyphen; never empty.
     */
    public static String slug(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (lower.isEmpty() || !Character.isLetter(lower.charAt(0))) {
            lower = "a" + (lower.isEmpty() ? "" : "-" + lower);
        }
        return lower;
    }

    /** {@code name} itself if it has at most {@code max} characters, else its start, {@code -} and a hash. */
    public static String shorten(String name, int max) {
        if (name.length() <= max) {
            return name;
        }
        if (max < HASH_CHARS + 2) {
            throw new IllegalArgumentException("cannot shorten '" + name + "' to " + max + " characters");
        }
        String head = name.substring(0, max - HASH_CHARS - 1).replaceAll("-+$", "");
        return head + "-" + hash(name);
    }

    /** The first {@value #HASH_CHARS} hex digits of the SHA-256 of {@code text} (UTF-8). */
    public static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Throws {@link IllegalArgumentException} naming the cloud, the kind and the limit if {@code name} is too long. */
    public static String requireWithin(String cloud, String kind, String name, int limit) {
        if (name.length() > limit) {
            throw new IllegalArgumentException(cloud + ": " + kind + " name '" + name + "' has " + name.length()
                    + " characters, over the limit of " + limit + " (choose a shorter prefix or name)");
        }
        return name;
    }

    /**
     * Throws {@link IllegalArgumentException} if two sources (such as two handler names) map to the same resource
     * name, naming both; {@code names} maps each source to its resource name.
     */
    public static void requireUnique(String cloud, String kind, Map<String, String> names) {
        Map<String, String> seen = new TreeMap<>();
        new TreeMap<>(names).forEach((source, name) -> {
            String earlier = seen.putIfAbsent(name, source);
            if (earlier != null) {
                throw new IllegalArgumentException(cloud + ": " + kind + "s '" + earlier + "' and '" + source
                        + "' would both be named '" + name + "'; rename one of them");
            }
        });
    }
}
