package io.skystate.gcp.internal.workflows;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import io.skystate.api.TransientException;
import java.io.IOException;
import java.util.Map;

/**
 * The headers the callback relay sends to a Workflows callback endpoint. Callback endpoints accept only callers
 * with {@code workflows.callbacks.send}: in production the function's own identity (an OAuth access token of the
 * application default credentials); against Skystate's Workflows runner nothing. Implementations are thread-safe.
 */
@FunctionalInterface
public interface RelayAuth {
    /** No credentials (Skystate's Workflows runner). */
    RelayAuth NONE = Map::of;

    Map<String, String> headers();

    /** {@code Authorization: Bearer <token>} of the application default credentials, refreshed when needed. */
    static RelayAuth google() {
        return new RelayAuth() {
            private GoogleCredentials credentials;

            @Override
            public synchronized Map<String, String> headers() {
                try {
                    if (credentials == null) {
                        credentials = GoogleCredentials.getApplicationDefault()
                                .createScoped("https://www.googleapis.com/auth/cloud-platform");
                    }
                    credentials.refreshIfExpired();
                    AccessToken token = credentials.getAccessToken();
                    return Map.of("Authorization", "Bearer " + token.getTokenValue());
                } catch (IOException e) {
                    throw new TransientException("gcp", "no credentials to relay a workflow callback: " + e.getMessage(), e);
                }
            }
        };
    }
}
