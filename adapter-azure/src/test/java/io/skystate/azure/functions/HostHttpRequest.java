package io.skystate.azure.functions;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An {@link HttpRequestMessage} as the Azure Functions Java worker builds it for an HTTP trigger with
 * {@code dataType = "binary"}: the URL, the method, headers (looked up case-insensitively), query parameters and
 * the body as bytes; responses built with {@link HostHttpResponse}.
 */
public final class HostHttpRequest implements HttpRequestMessage<Optional<byte[]>> {
    private final URI uri;
    private final HttpMethod method;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final byte[] body;

    public HostHttpRequest(String method, URI uri, Map<String, String> headers, byte[] body) {
        this.uri = uri;
        this.method = HttpMethod.value(method.toUpperCase(Locale.ROOT));
        this.headers.putAll(headers);
        this.body = body;
    }

    @Override
    public URI getUri() {
        return uri;
    }

    @Override
    public HttpMethod getHttpMethod() {
        return method;
    }

    @Override
    public Map<String, String> getHeaders() {
        return headers;
    }

    @Override
    public Map<String, String> getQueryParameters() {
        Map<String, String> query = new TreeMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return query;
    }

    @Override
    public Optional<byte[]> getBody() {
        return body == null || body.length == 0 ? Optional.empty() : Optional.of(body);
    }

    @Override
    public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
        return new HostHttpResponse.Builder().status(status);
    }

    @Override
    public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
        return new HostHttpResponse.Builder().status(status);
    }
}
