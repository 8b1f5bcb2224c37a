package io.skystate.core.handler;

import io.skystate.api.InvalidRequestException;
import io.skystate.api.Skystate;
import io.skystate.api.handler.EndpointRequest;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.handler.HandlerFailedException;
import io.skystate.api.handler.HandlerNotFoundException;
import io.skystate.api.handler.Handlers;
import io.skystate.api.handler.StepInvocation;
import io.skystate.core.json.JacksonCodec;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * In-process {@link Handlers}: decodes JSON input, runs the handler with a fresh {@link SimpleInvocationContext},
 * encodes the output. Cloud entry points (Lambda, Azure Functions, Cloud Functions) delegate here too, so handlers
 * behave the same wherever they run. Thread-safe.
 */
public final class HandlerRegistry implements Handlers {
    /** The default invocation deadline: Lambda's maximum. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);

    private final ConcurrentMap<String, HandlerDefinition<?, ?>> handlers = new ConcurrentHashMap<>();
    private final String provider;
    private final JacksonCodec codec;
    private final Clock clock;
    private final Supplier<Skystate> skystate;
    private final Function<String, Optional<URI>> endpoints;
    private final Supplier<RequestSigning> signing;

    /**
     * {@code endpoints} gives a handler's URL where the provider serves handler endpoints (empty otherwise);
     * {@code signing} signs requests to them (called only when a request is made).
     */
    public HandlerRegistry(String provider, JacksonCodec codec, Clock clock, Supplier<Skystate> skystate,
            Function<String, Optional<URI>> endpoints, Supplier<RequestSigning> signing) {
        this.provider = provider;
        this.codec = codec;
        this.clock = clock;
        this.skystate = skystate;
        this.endpoints = endpoints;
        this.signing = signing;
    }

    @Override
    public void register(HandlerDefinition<?, ?> definition) {
        handlers.put(definition.name(), definition);
    }

    /**
     * Builds the codec's deserializer of every registered handler's input type and serializer of its output type,
     * running no handler: the first invocation then finds them cached. For start-up priming (a SnapStart/CRaC
     * checkpoint hook, a function's init phase); handlers registered later are prepared on their first call.
     */
    public void prepareCodec() {
        for (HandlerDefinition<?, ?> definition : handlers.values()) {
            codec.prepare(definition.inputType(), definition.outputType());
        }
    }

    @Override
    public Set<String> names() {
        return new TreeSet<>(handlers.keySet());
    }

    @Override
    public byte[] invokeJson(String name, byte[] inputJson) {
        return invokeJson(name, inputJson, newInvocationId(), 1);
    }

    /** Invokes with an explicit invocation id and attempt number, as a retrying caller does. */
    public byte[] invokeJson(String name, byte[] inputJson, String invocationId, int attempt) {
        return invokeJson(name, inputJson, invocationId, attempt, Optional.empty());
    }

    /**
     * Invokes for a workflow step: {@code step} is what {@link io.skystate.api.handler.InvocationContext#step()}
     * shows the handler (see core's {@code InvocationIds} for the id of a step invocation).
     */
    public byte[] invokeJson(String name, byte[] inputJson, String invocationId, int attempt,
            Optional<StepInvocation> step) {
        HandlerDefinition<?, ?> definition = handlers.get(name);
        if (definition == null) {
            throw new HandlerNotFoundException(provider, "no handler named '" + name + "'; registered: " + names());
        }
        return run(definition, inputJson, new Call(invocationId, attempt, step));
    }

    /** Who is calling: the invocation id, attempt and workflow step the handler's context shows. */
    private record Call(String invocationId, int attempt, Optional<StepInvocation> step) {
    }

    /**
     * A random 32-hex-digit invocation id. Not {@code UUID.randomUUID()}: its SecureRandom costs a cold start time,
     * and invocation ids need to be unique, not unguessable.
     */
    private static String newInvocationId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return String.format("%016x%016x", random.nextLong(), random.nextLong());
    }

    @Override
    public <O> O invoke(String name, Object input, Class<O> outputType) {
        return codec.decode(invokeJson(name, codec.encode(input)), outputType);
    }

    @Override
    public Optional<URI> endpoint(String name) {
        return handlers.containsKey(name) ? endpoints.apply(name) : Optional.empty();
    }

    @Override
    public Optional<EndpointRequest> endpointRequest(String name, byte[] inputJson) {
        byte[] body = io.skystate.api.Arguments.notNull(inputJson, "inputJson");
        return endpoints.apply(name).map(url -> new EndpointRequest(url, signing.get().sign(name, body), body));
    }

    private <I, O> byte[] run(HandlerDefinition<I, O> definition, byte[] inputJson, Call call) {
        I input;
        try {
            input = codec.decode(inputJson, definition.inputType());
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException(provider,
                    "input for handler '" + definition.name() + "' is not a " + definition.inputType().getSimpleName()
                            + ": " + e.getMessage(), e);
        }
        var context = new SimpleInvocationContext(call.invocationId(), call.attempt(),
                clock.instant().plus(DEFAULT_TIMEOUT), provider, skystate.get(), call.step());
        O output;
        try {
            output = definition.handler().handle(input, context);
        } catch (HandlerFailedException e) {
            throw e;
        } catch (Exception e) {
            throw new HandlerFailedException(provider, definition.name(), e);
        }
        return codec.encode(output);
    }

}
