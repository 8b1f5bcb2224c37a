package io.skystate.api.callback;

import io.skystate.api.Arguments;
import java.net.URI;
import java.time.Instant;

/**
 * A created callback. Give {@code token} (or {@code url}) to the external party that will finish the work; keep
 * {@code id} to wait for the outcome. {@code url} accepts an HTTP POST (see {@link Callbacks}).
 * {@code expiresAt} is the latest the callback can resolve, whatever the heartbeats.
 */
public record CallbackHandle(String id, String token, URI url, Instant expiresAt) {
    public CallbackHandle {
        Arguments.notNull(id, "id");
        Arguments.notNull(token, "token");
        Arguments.notNull(url, "url");
        Arguments.notNull(expiresAt, "expiresAt");
    }
}
