package io.skystate.bench.coldstart;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The Azure Functions Java worker's side of one HTTP invocation, in the launching JVM (the worker itself is a gRPC
 * client of the Functions host, which cannot run here): a POST {@link HttpRequestMessage} with a body of type
 * {@code T}, its response builder, and an {@link ExecutionContext}. The cold-start launchers ({@link AzureMain},
 * {@link HandWrittenAzureMain}) pass these to the function method as the worker would.
 */
public final class AzureBenchRequest<T> implements HttpRequestMessage<T>, ExecutionContext {
    private final URI uri;
    private final Map<String, String> headers;
    private final T body;

    public AzureBenchRequest(String path, Map<String, String> headers, T body) {
        this.uri = URI.create("http://localhost:7071" + path);
        this.headers = headers;
        this.body = body;
    }

    @Override
    public URI getUri() {
        return uri;
    }

    @Override
    public HttpMethod getHttpMethod() {
        return HttpMethod.POST;
    }

    @Override
    public Map<String, String> getHeaders() {
        return headers;
    }

    @Override
    public Map<String, String> getQueryParameters() {
        return Map.of();
    }

    @Override
    public T getBody() {
        return body;
    }

    @Override
    public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
        return new Response(status);
    }

    @Override
    public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
        return new Response(status);
    }

    @Override
    public Logger getLogger() {
        return Logger.getLogger("Host.Function.bench");
    }

    @Override
    public String getInvocationId() {
        return "8f5e2a4c-0000-4000-8000-000000000002";
    }

    @Override
    public String getFunctionName() {
        return "bench";
    }

    /** The response and its builder, as the worker's; the body is whatever the function set. */
    static final class Response implements HttpResponseMessage, HttpResponseMessage.Builder {
        private HttpStatusType status;
        private final Map<String, String> headers = new HashMap<>();
        private Object body;

        Response(HttpStatusType status) {
            this.status = status;
        }

        @Override
        public HttpResponseMessage.Builder status(HttpStatusType value) {
            this.status = value;
            return this;
        }

        @Override
        public HttpResponseMessage.Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        @Override
        public HttpResponseMessage.Builder body(Object value) {
            this.body = value;
            return this;
        }

        @Override
        public HttpResponseMessage build() {
            return this;
        }

        @Override
        public HttpStatusType getStatus() {
            return status;
        }

        @Override
        public String getHeader(String name) {
            return headers.get(name);
        }

        @Override
        public Object getBody() {
            return body;
        }
    }
}
