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
}
