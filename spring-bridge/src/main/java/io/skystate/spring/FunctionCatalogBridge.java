package io.skystate.spring;

import io.skystate.api.Codec;
import io.skystate.api.InvalidRequestException;
import io.skystate.api.Skystate;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.handler.Handlers;
import io.skystate.api.handler.InvocationContext;
import static org.springframework.messaging.MessageHeaders.CONTENT_TYPE;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Type;
import java.lang.reflect.UndeclaredThrowableException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.context.config.RoutingFunction;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Registers every {@link Function} of a Spring Cloud Function {@link FunctionCatalog} as a Skystate handler of the
 * same name, so the functions run wherever Skystate handlers run.
 *
 * <p><b>Input.</b> Each handler declares {@code Object} input and output, so the Skystate codec decodes the JSON
 * input to a plain JSON value ({@code Map}, {@code List}, {@code String}, number, boolean, {@code null}). The handler
 * re-encodes it and applies the function to a {@code Message<byte[]>} with {@code contentType: application/json}, so
 * Spring Cloud Function converts the JSON to the function's declared input type (a record, a {@code Map}, a
 * {@code List}, a {@code Message<T>}) with the application's own converters and {@code ObjectMapper}. A function
 * that takes a {@code String} (or {@code Message<String>}) gets the message as {@code text/plain} instead: a JSON
 * string's text, or the JSON text of any other value ({@code "null"} for {@code null}), because Spring Cloud
 * Function's JSON-to-{@code String} conversion fails on arrays and mangles {@code null}. The message also carries
 * the invocation's id and attempt as the headers {@value #INVOCATION_ID_HEADER} and {@value #ATTEMPT_HEADER}.
 *
 * <p><b>Output.</b> What the function returns (a {@code Message}'s payload) is the handler's output, and the
 * Skystate codec encodes it: a returned {@code String} is always a JSON string. The bridge does not ask Spring Cloud
 * Function to convert the output to JSON, because that conversion passes a {@code String} that parses as JSON
 * through unquoted ({@code "true"} would become {@code true}, {@code ""} nothing). Bytes are taken as JSON (as text
 * if a message says {@code text/*}), which also covers a function whose output another caller set to JSON. A JSON
 * array given to a function of one item (not a collection) is Spring Cloud Function's iterative invocation: the
 * function runs once per element and the handler returns the list of results.
 *
 * <p><b>Errors.</b> An exception the function throws is rethrown as is (after unwrapping reflection, proxy and
 * Reactor wrappers), so {@link Handlers#invoke} raises {@link io.skystate.api.handler.HandlerFailedException} with
 * it as the cause.
 *
 * <p><b>Left out</b>, and reported in the {@link FunctionBridgeResult}: Spring Cloud Function's internal routing
 * functions, names that are not valid handler names, suppliers, consumers, reactive functions ({@code Publisher} in
 * or out), and names that already have a handler (an explicit registration wins). Thread-safe.
 */
public final class FunctionCatalogBridge {
    /** Message header carrying {@link InvocationContext#invocationId()}. */
    public static final String INVOCATION_ID_HEADER = "skystate-invocation-id";
    /** Message header carrying {@link InvocationContext#attempt()}. */
    public static final String ATTEMPT_HEADER = "skystate-attempt";

    /** Spring Cloud Function's own functions, never bridged. */
    public static final Set<String> INTERNAL_FUNCTIONS =
            Set.of(RoutingFunction.FUNCTION_NAME, RoutingFunction.DEFAULT_ROUTE_HANDLER);

    private static final String JSON = MimeTypeUtils.APPLICATION_JSON_VALUE;
    private static final String TEXT = MimeTypeUtils.TEXT_PLAIN_VALUE;

    private final FunctionCatalog catalog;
    private final Codec codec;

    public FunctionCatalogBridge(FunctionCatalog catalog, Codec codec) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /** Bridges {@code catalog} into {@code skystate}'s handlers with its codec. */
    public static FunctionBridgeResult bridge(FunctionCatalog catalog, Skystate skystate) {
        return new FunctionCatalogBridge(catalog, skystate.codec()).bridge(skystate.handlers());
    }

    /** Registers every eligible function of the catalog in {@code handlers}; reports the ones it left out. */
    public FunctionBridgeResult bridge(Handlers handlers) {
        List<String> registered = new ArrayList<>();
        Map<String, String> skipped = new TreeMap<>();
        Set<String> existing = handlers.names();
        for (String name : new TreeSet<>(catalog.getNames(Function.class))) {
            String reason = INTERNAL_FUNCTIONS.contains(name) ? "internal Spring Cloud Function function"
                    : existing.contains(name) ? "a handler with this name is already registered"
                    : null;
            if (reason == null) {
                try {
                    handlers.register(definition(name));
                    registered.add(name);
                } catch (InvalidRequestException | UnsupportedOperationException e) {
                    reason = e.getMessage();
                }
            }
            if (reason != null) {
                skipped.put(name, reason);
            }
        }
        return new FunctionBridgeResult(registered, skipped);
    }

    /**
     * The handler definition for one function of the catalog.
     *
     * @throws InvalidRequestException       if {@code name} is not a valid handler name
     * @throws UnsupportedOperationException if the catalog has no plain (non-reactive) function of that name
     */
    public HandlerDefinition<Object, Object> definition(String name) {
        HandlerDefinition<Object, Object> definition = HandlerDefinition.of(name, Object.class, Object.class,
                (input, context) -> invoke(name, input, context));
        FunctionInvocationWrapper function = lookup(name);
        if (function == null) {
            throw new UnsupportedOperationException("not found in the FunctionCatalog");
        }
        if (!function.isFunction()) {
            throw new UnsupportedOperationException("not a Function (a Supplier or Consumer)");
        }
        if (function.isInputTypePublisher() || function.isOutputTypePublisher()) {
            throw new UnsupportedOperationException("reactive function (Publisher input or output)");
        }
        return definition;
    }

    private Object invoke(String name, Object input, InvocationContext context) throws Exception {
        FunctionInvocationWrapper function = lookup(name);
        if (function == null) {
            throw new IllegalStateException("function '" + name + "' is no longer in the FunctionCatalog");
        }
        boolean text = takesText(function);
        byte[] payload = text && input instanceof String string
                ? string.getBytes(StandardCharsets.UTF_8)
                : codec.encode(input);
        Message<byte[]> message = MessageBuilder.withPayload(payload)
                .setHeader(CONTENT_TYPE, text ? TEXT : JSON)
                .setHeader(INVOCATION_ID_HEADER, context.invocationId())
                .setHeader(ATTEMPT_HEADER, context.attempt())
                .build();
        try {
            return toOutput(function.apply(message));
        } catch (RuntimeException | Error e) {
            throw rethrowable(unwrap(e));
        }
    }

    /**
     * What the function returned, for the codec to encode: the payload of a {@code Message}, {@code byte[]} decoded
     * as JSON (as text if the message says {@code text/*}), a {@code Flux} (Spring Cloud Function's iterative
     * invocation on a JSON array) as a list; anything else as is.
     */
    private Object toOutput(Object result) {
        if (result instanceof Mono<?> mono) {
            return toOutput(mono.block());
        }
        if (result instanceof Publisher<?> publisher) {
            List<?> items = Flux.from(publisher).collectList().block();
            return items == null ? null : items.stream().map(this::toOutput).toList();
        }
        Object value = result instanceof Message<?> message ? message.getPayload() : result;
        if (!(value instanceof byte[] bytes)) {
            return value;
        }
        Object contentType = result instanceof Message<?> message ? message.getHeaders().get(CONTENT_TYPE) : null;
        if (contentType != null && contentType.toString().startsWith("text/")) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return bytes.length == 0 ? null : codec.decode(bytes, Object.class);
    }

    /** Whether the function takes a {@code String} (or a {@code Message<String>}). */
    private static boolean takesText(FunctionInvocationWrapper function) {
        Type type = function.isInputTypeMessage()
                ? FunctionTypeUtils.getGenericType(function.getInputType())
                : function.getInputType();
        return type != null && FunctionTypeUtils.getRawType(type) == String.class;
    }

    private FunctionInvocationWrapper lookup(String name) {
        return catalog.lookup(Function.class, name);
    }

    /** The function's own exception: without reflection, proxy and Reactor wrappers. */
    static Throwable unwrap(Throwable thrown) {
        Throwable t = thrown;
        while (t.getCause() != null && t.getCause() != t && isWrapper(t)) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean isWrapper(Throwable t) {
        return t instanceof InvocationTargetException || t instanceof UndeclaredThrowableException
                || Exceptions.unwrap(t) != t;
    }

    private static Exception rethrowable(Throwable t) {
        if (t instanceof Error error) {
            throw error;
        }
        return t instanceof Exception e ? e : new UndeclaredThrowableException(t);
    }
}
