package io.skystate.gcpworkflows.internal.stdlib;

import io.skystate.gcpworkflows.internal.value.Bytes;
import io.skystate.gcpworkflows.internal.value.ErrorTags;
import io.skystate.gcpworkflows.internal.value.JsonValues;
import io.skystate.gcpworkflows.internal.value.WorkflowError;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request of an {@code http.*} call and its translation into the Workflows response map
 * {@code {body, code, headers}} or error: HttpError (non-2xx, with {@code code}, {@code body}, {@code headers}),
 * ConnectionFailedError (no connection: refused, unknown host), ConnectionError (connection broken during
 * transfer), TimeoutError, and ResourceLimitError for a response over 2 MB
 * (https://cloud.google.com/workflows/docs/reference/syntax/error-types, https://cloud.google.com/workflows/quotas).
 * A JSON response body is decoded, a {@code text/*} one becomes a string, anything else bytes. Not thread-safe; one
 * instance per request.
 */
final class HttpCall {
    /** Maximum HTTP response size (https://cloud.google.com/workflows/quotas). */
    static final int MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

    private final String method;
    private final String url;
    private final double timeoutSeconds;
    private final Map<String, String> headers;
    private final byte[] body;
    private final CallContext context;

    HttpCall(String method, String url, double timeoutSeconds, Map<String, String> headers, byte[] body,
             CallContext context) {
        this.method = method;
        this.url = url;
        this.timeoutSeconds = timeoutSeconds;
        this.headers = headers;
        this.body = body;
        this.context = context;
    }

    Object send() {
        HttpRequest request = buildRequest();
        HttpResponse<InputStream> response;
        try {
            response = context.httpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw WorkflowError.of(ErrorTags.CONNECTION_FAILED_ERROR, "connection to " + url + " timed out");
        } catch (HttpTimeoutException e) {
            throw WorkflowError.of(ErrorTags.TIMEOUT_ERROR, method + " " + url + " timed out after "
                    + timeoutSeconds + " s");
        } catch (ConnectException | UnresolvedAddressException e) {
            throw WorkflowError.of(ErrorTags.CONNECTION_FAILED_ERROR, "cannot connect to " + url + ": " + e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnknownHostException || e.getCause() instanceof UnresolvedAddressException
                    || e.getCause() instanceof ConnectException) {
                throw WorkflowError.of(ErrorTags.CONNECTION_FAILED_ERROR, "cannot connect to " + url + ": " + e);
            }
            throw WorkflowError.of(ErrorTags.CONNECTION_ERROR, "connection to " + url + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.checkCancelled();
            throw WorkflowError.of(ErrorTags.SYSTEM_ERROR, "HTTP call interrupted");
        }
        return translate(response, readBody(response));
    }

    private HttpRequest buildRequest() {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw WorkflowError.valueError("invalid URL '" + url + "': " + e.getMessage());
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw WorkflowError.valueError("URL must be http or https: '" + url + "'");
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMillis((long) (timeoutSeconds * 1000)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            try {
                builder.header(name, value);
            } catch (IllegalArgumentException e) {
                throw WorkflowError.valueError("header '" + name + "' cannot be set: " + e.getMessage());
            }
        });
        return builder.build();
    }

    private byte[] readBody(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            if (bytes.length > MAX_RESPONSE_BYTES) {
                throw WorkflowError.of(ErrorTags.RESOURCE_LIMIT_ERROR, "HTTP response from " + url
                        + " exceeds the 2 MB limit");
            }
            return bytes;
        } catch (IOException e) {
            throw WorkflowError.of(ErrorTags.CONNECTION_ERROR, "reading the response of " + url + " failed: " + e);
        }
    }

    private Object translate(HttpResponse<InputStream> response, byte[] content) {
        Map<String, Object> responseHeaders = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                responseHeaders.put(name, String.join(", ", values));
            }
        });
        String contentType = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        Object decoded = decodeBody(content, contentType);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("body", decoded);
        result.put("code", (long) response.statusCode());
        result.put("headers", responseHeaders);
        if (response.statusCode() >= 200 && response.statusCode() < 300) {
            return result;
        }
        throw WorkflowError.of(ErrorTags.HTTP_ERROR, "HTTP server responded with error code "
                + response.statusCode(), result);
    }

    static Object decodeBody(byte[] content, String contentType) {
        if (content.length == 0) {
            return null;
        }
        Charset charset = charsetOf(contentType);
        if (contentType.startsWith("application/json") || contentType.contains("+json")) {
            try {
                return JsonValues.parse(new String(content, charset));
            } catch (WorkflowError e) {
                return new String(content, charset);
            }
        }
        if (contentType.startsWith("text/")) {
            return new String(content, charset);
        }
        return new Bytes(content);
    }

    private static Charset charsetOf(String contentType) {
        for (String part : List.of(contentType.split(";"))) {
            String trimmed = part.trim();
            if (trimmed.startsWith("charset=")) {
                try {
                    return Charset.forName(trimmed.substring("charset=".length()).replace("\"", ""));
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
