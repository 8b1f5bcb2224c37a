package io.skystate.api;

/**
 * The argument checks of the API's value types: a bad argument raises {@link InvalidRequestException} (provider
 * {@code skystate}) naming the argument and what to change, never a bare {@code NullPointerException} or
 * {@code IllegalArgumentException}. Stateless.
 */
public final class Arguments {
    private Arguments() {
    }

    /** {@code value}, or {@link InvalidRequestException} "{@code name} is required" when it is null. */
    public static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new InvalidRequestException("skystate", name + " is required (was null)");
        }
        return value;
    }

    /** {@link InvalidRequestException} with {@code message} unless {@code condition} holds. */
    public static void check(boolean condition, String message) {
        if (!condition) {
            throw new InvalidRequestException("skystate", message);
        }
    }

    /**
     * Whether {@code text} is a name of 1 to {@code maxLength} characters: an ASCII letter first, then ASCII letters,
     * digits or characters of {@code others}; upper-case letters only if {@code upperCase}. A plain loop, not
     * {@code String.matches}, which compiles a regular expression on every call (names are checked on hot paths)
     * and loads the regex engine on a function's cold start.
     */
    public static boolean isName(String text, int maxLength, boolean upperCase, String others) {
        if (text == null || text.isEmpty() || text.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letter = c >= 'a' && c <= 'z' || upperCase && c >= 'A' && c <= 'Z';
            if (!letter && (i == 0 || !(c >= '0' && c <= '9' || others.indexOf(c) >= 0))) {
                return false;
            }
        }
        return true;
    }
}
